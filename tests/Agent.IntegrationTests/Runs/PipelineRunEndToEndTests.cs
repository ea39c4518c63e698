using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Runs;

/// <summary>The first end-to-end path: control plane → agent → Argo → agent → control plane, all over real sockets.</summary>
public sealed class PipelineRunEndToEndTests
{
    private const string PipelineFqn = "sandbox_mysql.metadata_ingestion";

    [Fact]
    public async Task Connect_Sandbox_SendsProtocolHeadersAndHello()
    {
        await using var rig = await AgentRig.StartAsync("e2e-headers");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var connection = rig.Welcomed;

        var handshake = sandbox.ControlPlane.GetHandshake(agent.AgentId);
        Assert.NotNull(handshake);
        Assert.Equal("Bearer", handshake.AuthorizationScheme);
        Assert.Equal(ProtocolVersion.SubProtocol, handshake.NegotiatedSubProtocol);
        Assert.StartsWith("hybrid-ingestion-agent/", handshake.UserAgent, StringComparison.Ordinal);
        var known = Assert.Single(sandbox.ControlPlane.GetAgents(), a => a.Id == agent.AgentId);
        Assert.Equal(connection.InstanceId, known.InstanceId);
        Assert.Contains(MessageTypes.PipelineRun, known.Capabilities);
        Assert.Equal("ingestion", known.Executor?.Namespace);
    }

    [Fact]
    public async Task PipelineRun_Sandbox_CreatesOneWorkflowAnswersAndReportsSuccess()
    {
        await using var rig = await AgentRig.StartAsync("e2e-run");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        var runId = Guid.NewGuid().ToString();

        var answer = await sandbox.ControlPlane.SendRequestAsync(
            agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runId), cancellation);

        var result = answer.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(runId, result.RunId);
        var started = result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!;
        AssertWorkflow(sandbox.Services.GetRequiredService<ArgoEmulator>().GetWorkflow("ingestion", started.WorkflowName), agent.AgentId, runId);

        var success = (await sandbox.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, cancellation)).Status;
        Assert.Equal(PipelineFqn, success.PipelineFqn);
        Assert.Equal(started.WorkflowName, success.WorkflowName);
        Assert.NotNull(success.EndDate);
        Assert.Equal(1, await ScrapeAsync(agent, "collate_hybrid_agent_jobs_total{status=\"succeeded\"}"));
        Assert.Equal(1, await ScrapeAsync(agent, "collate_hybrid_agent_jobs_counter_total"));
    }

    private static void AssertWorkflow(JsonObject workflow, string agentId, string runId)
    {
        var labels = workflow["metadata"]!["labels"]!;
        Assert.Equal(agentId, (string?)labels["hybrid-agent/agent-id"]);
        Assert.Equal(runId, (string?)labels["hybrid-agent/run-id"]);
        Assert.Equal("metadata", (string?)labels["hybrid-agent/pipeline-type"]);
        Assert.Equal(PipelineFqn, (string?)workflow["metadata"]!["annotations"]!["hybrid-agent/pipeline-fqn"]);

        var templates = workflow["spec"]!["templates"]!.AsArray();
        var main = templates.Single(t => (string?)t!["name"] == (string?)workflow["spec"]!["entrypoint"])!["container"]!;
        Assert.Equal("openmetadata/ingestion:1.9.0", (string?)main["image"]);
        Assert.Equal(["python", "main.py"], main["command"]!.AsArray().Select(part => (string?)part));
        var env = main["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]);
        Assert.Equal(RequestPayloads.DefaultConfig, env["config"]);
        Assert.Equal("metadata", env["pipelineType"]);
        Assert.Equal(runId, env["pipelineRunId"]);
        Assert.Equal(PipelineFqn, env["ingestionPipelineFQN"]);
        Assert.Equal("eu-west-1", env["AWS_DEFAULT_REGION"]);
        Assert.Equal(AgentApplication.ExtraEnvSecret, env["SECRET_CANARY"]);
        Assert.False(string.IsNullOrEmpty((string?)workflow["spec"]!["onExit"]));
    }

    internal static async Task<double?> ScrapeAsync(AgentApplication agent, string series)
    {
        using var client = agent.CreateInfraClient();
        return MetricsText.Sample(await client.GetStringAsync("/metrics"), series);
    }
}
