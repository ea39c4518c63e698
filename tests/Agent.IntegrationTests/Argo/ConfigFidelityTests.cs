using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// The config reaches <c>main.py</c> byte for byte: <c>$</c> is escaped for the kubelet (FIDELITY §5.1–§5.3), Jinja and
/// regex braces that Argo leaves alone pass unchanged (§3.4), and what could never start or run is refused with 400.
/// Checked on the body the agent POSTed, expanded as the kubelet expands it.
/// </summary>
public sealed class ConfigFidelityTests
{
    [Fact]
    public async Task PipelineRun_DollarsInConfigAndFqn_ReachTheProcessUnchanged()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("dollar-config"));
        const string Fqn = "svc.$(HOME).pa$$word";
        var config = RequestPayloads.DefaultConfig.Replace("sandbox\n", "sandbox\n      password: pa$$word $(HOME) $$(X) $(pipelineRunId) $\n", StringComparison.Ordinal);
        var runId = Guid.NewGuid().ToString();

        var answer = await SendRunAsync(rig, Fqn, config, runId);

        Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
        foreach (var container in PostedContainers(rig))
        {
            var sent = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);
            Assert.Contains("pa$$$$word $$(HOME) $$$$(X) $$(pipelineRunId) $$", sent["config"], StringComparison.Ordinal);
            var received = KubeletExpansion.ReceivedEnv(container);
            Assert.Equal(config, received["config"]);
            Assert.Equal(Fqn, received["ingestionPipelineFQN"]);
            Assert.Equal(runId, received["pipelineRunId"]);
        }
    }

    [Theory]
    [InlineData("sql: select * from {{ ref('orders') }} where d = '{{ var(\"day\") }}'\nheader: \"{{ config(materialized='table') }}\"")]
    [InlineData("tableFilterPattern:\n  includes: ['^sales_\\d{{2}}$', '^a{2,}']")]
    public async Task PipelineRun_JinjaOrRegexBraces_ReachArgoUnchanged(string extra)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("jinja-config"));
        var config = RequestPayloads.DefaultConfig + "\n" + extra + "\n";

        var answer = await SendRunAsync(rig, AgentRig.PipelineFqn, config, Guid.NewGuid().ToString());

        Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
        Assert.All(PostedContainers(rig), container => Assert.Equal(config, KubeletExpansion.ReceivedEnv(container)["config"]));
    }

    [Theory]
    [InlineData("q: {{workflow.name}}", "{{workflow.name}}")]
    [InlineData("q: {{ retries }}", "{{ retries }}")]
    [InlineData("q: {{ node.name }}", "{{ node.name }}")]
    public async Task PipelineRun_TagArgoWouldReplace_Answered400NamingTheTag(string extra, string tag)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("argo-tag-config"));

        var answer = await SendRunAsync(rig, AgentRig.PipelineFqn, RequestPayloads.DefaultConfig + "\n" + extra, Guid.NewGuid().ToString());

        Assert.Equal(400, answer.Code);
        Assert.StartsWith($"payload field 'config' contains '{{{{' in '{tag}'", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    [Theory]
    [InlineData("1B4E28BA-2FA1-11D2-883F-0016D3CCA427")]
    [InlineData("1b4e28ba2fa111d2883f0016d3cca427")]
    [InlineData("nightly-2024-01-01")]
    public async Task PipelineRun_RunIdTheIngestionImageWouldNotStore_Answered400(string runId)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("run-id-form"));

        var answer = await SendRunAsync(rig, AgentRig.PipelineFqn, RequestPayloads.DefaultConfig, runId);

        Assert.Equal(400, answer.Code);
        Assert.StartsWith("payload field 'runId' must be a UUID in canonical lower-case form", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    [Fact]
    public async Task PipelineRun_MultiByteConfigOverTheExecLimit_Answered400WithUtf8Size()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("exec-limit"));
        var config = "x: " + new string('\u00e9', (RunRequestValidation.MaxConfigBytes / 2) - 1);

        var answer = await SendRunAsync(rig, AgentRig.PipelineFqn, config, Guid.NewGuid().ToString());

        Assert.Equal(400, answer.Code);
        Assert.StartsWith("payload field 'config' is 131065 bytes (UTF-8), over the limit of 131064", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    private static async Task<ResultPayload> SendRunAsync(AgentRig rig, string fqn, string config, string runId) =>
        ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId,
            MessageTypes.PipelineRun,
            RequestPayloads.PipelineRun(fqn, name: "pipe", config: JsonSerializer.SerializeToElement(config), runId: runId),
            rig.Cancellation));

    private static IEnumerable<JsonNode> PostedContainers(AgentRig rig) =>
        Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}")
            .Body!["workflow"]!["spec"]!["templates"]!.AsArray().Select(template => template!["container"]!);
}
