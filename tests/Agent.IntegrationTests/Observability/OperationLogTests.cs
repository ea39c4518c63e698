using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;
using Serilog.Events;

namespace Agent.IntegrationTests.Observability;

/// <summary>
/// A run's story in the log (issue 13, item 6): every operation the control plane sends leaves exactly one Information
/// line with its type, pipeline, run, code and duration, a re-sent request is marked replayed, and a failed run says
/// Argo's reason at Warning once.
/// </summary>
public sealed class OperationLogTests
{
    private const int AnsweredEvent = 1220;
    private const int ReplayedEvent = 1201;
    private const int RunFailedEvent = 2103;

    private static readonly Dictionary<string, string?> InformationLevel = new() { ["Serilog:MinimumLevel:Default"] = "Information" };

    [Fact]
    public async Task Operations_DeployToggleRunKillAndBadPayload_EachLogOneInformationLine()
    {
        await using var rig = await AgentRig.StartAsync(
            "operation-log", new Dictionary<string, string?> { ["Sandbox:Argo:RunningSeconds"] = "600" }, InformationLevel);
        const string Fqn = AgentRig.PipelineFqn;
        var runId = Guid.NewGuid().ToString();
        var config = JsonSerializer.SerializeToElement(RequestPayloads.DefaultConfig, ProtocolJsonContext.Default.String);
        var requests = new (string Type, JsonElement Payload, int Code, string? RunId)[]
        {
            (MessageTypes.PipelineDeploy, JsonSerializer.SerializeToElement(new PipelineDeployRequest(LifecycleRequests.Pipeline(), config), ProtocolJsonContext.Default.PipelineDeployRequest), 200, null),
            (MessageTypes.PipelineToggle, JsonSerializer.SerializeToElement(new PipelineToggleRequest(Fqn, false), ProtocolJsonContext.Default.PipelineToggleRequest), 200, null),
            (MessageTypes.PipelineRun, RequestPayloads.PipelineRun(Fqn, runId: runId), 200, runId),
            (MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(Fqn), 200, null),
            (MessageTypes.PipelineRun, RequestPayloads.PipelineRun(Fqn, config: JsonSerializer.SerializeToElement(42)), 400, null),
        };

        foreach (var (type, payload, code, expectedRunId) in requests)
        {
            var requestId = Guid.NewGuid().ToString();
            if (type == MessageTypes.PipelineKill)
            {
                await rig.WaitForStateAsync(runId, PipelineStates.Running);
            }

            var answer = await rig.SendAsync(type, payload, requestId);

            Assert.Equal(code, answer.Code);
            var line = Assert.Single(InformationLinesOf(rig, requestId));
            Assert.Equal(AnsweredEvent, line.EventId());
            Assert.Equal(type, line.Scalar("OperationType"));
            Assert.Equal(Fqn, line.Scalar("PipelineFqn"));
            Assert.Equal(expectedRunId, line.Scalar("RunId"));
            Assert.Equal(code, line.Scalar("Code"));
            Assert.True(line.Scalar("DurationMs") is double duration && duration >= 0, $"DurationMs: {line.Scalar("DurationMs")}");
        }
    }

    [Fact]
    public async Task Request_ReceivedAgainAfterItsAnswer_LogsOneReplayedLine()
    {
        await using var rig = await AgentRig.StartAsync("operation-log-replay", agentOverrides: InformationLevel);
        var runId = Guid.NewGuid().ToString();
        var payload = RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId);

        var first = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, MessageTypes.PipelineRun, payload);
        await first.WaitAsync(rig.Cancellation);
        var again = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, MessageTypes.PipelineRun, payload, first.Id);
        await again.WaitAsync(rig.Cancellation);

        var lines = InformationLinesOf(rig, first.Id);
        Assert.Equal([AnsweredEvent, ReplayedEvent], lines.Select(line => line.EventId()));
        var replayed = lines[1];
        Assert.Equal((MessageTypes.PipelineRun, AgentRig.PipelineFqn, runId, 200), (replayed.Scalar("OperationType"), replayed.Scalar("PipelineFqn"), replayed.Scalar("RunId"), replayed.Scalar("Code")));
    }

    [Fact]
    public async Task RunFailed_LogsArgosReasonOnceAtWarning_NotAgainAfterARelist()
    {
        await using var rig = await AgentRig.StartAsync("operation-log-failed", agentOverrides: new Dictionary<string, string?> { ["Argo:PollInterval"] = "00:00:01" });
        var runId = Guid.NewGuid().ToString();
        await rig.SendAsync(MessageTypes.PipelineRun, FailingRun(runId));
        await rig.WaitForStateAsync(runId, PipelineStates.Failed);

        // Force a relist, as after a long outage: the watch is cut and its resume refused as too old. A second failing run
        // after it shows the agent has listed and watches again: its status is sent after the relist observed the first.
        rig.Faults.Configure(new Agent.Sandbox.Argo.Faults.ArgoFaultOptions { TooOldResourceVersions = 1 });
        rig.Faults.DropWatches();
        while (rig.Faults.Counts.TooOldResourceVersions < 1)
        {
            await Task.Delay(10, rig.Cancellation);
        }

        var canary = Guid.NewGuid().ToString();
        await rig.SendAsync(MessageTypes.PipelineRun, FailingRun(canary));
        await rig.WaitForStateAsync(canary, PipelineStates.Failed);

        var warning = Assert.Single(rig.Agent.Logs.Events, e => e.EventId() == RunFailedEvent && (string?)e.Scalar("RunId") == runId);
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Equal(AgentRig.PipelineFqn, warning.Scalar("PipelineFqn"));
        Assert.Equal("Failed", warning.Scalar("Phase"));
        Assert.Equal("main: Error (exit code 1)", warning.Scalar("AttemptMessage"));
        Assert.Contains("main: Error (exit code 1)", warning.RenderMessage(), StringComparison.Ordinal);
    }

    private static JsonElement FailingRun(string runId) => RequestPayloads.PipelineRun(
        AgentRig.PipelineFqn,
        runId: runId,
        config: JsonSerializer.SerializeToElement(RequestPayloads.DefaultConfig + "\n# sandbox-outcome: Failed\n", ProtocolJsonContext.Default.String));

    /// <summary>The Information events about one request: its id is a property of the line or of the scope it was written in.</summary>
    private static List<LogEvent> InformationLinesOf(AgentRig rig, string requestId) =>
        [.. rig.Agent.Logs.Events.Where(e => e.Level == LogEventLevel.Information && (string?)e.Scalar("RequestId") == requestId)];
}
