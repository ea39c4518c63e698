using System.Globalization;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Runs;

/// <summary>How the agent reads a run back from the emulator: its logs by pod, its status stamped with its creation time.</summary>
public sealed class RunReadBackTests
{
    [Fact]
    public async Task RunStatus_RunGoesThroughItsStates_EveryStatusAndPipelineStatusCarryTheCreationTime()
    {
        await using var rig = await AgentRig.StartAsync("stable-timestamp-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        var created = DateTimeOffset.Parse(
            rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["metadata"]!["creationTimestamp"]!.GetValue<string>(),
            CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        await AssertEveryStatusCarriesAsync(rig, runId, created);
    }

    /// <summary>Every <c>run.status</c> of the run so far, and its entry in <c>pipeline.status</c>, carry <paramref name="created"/>.</summary>
    internal static async Task AssertEveryStatusCarriesAsync(AgentRig rig, string runId, long created)
    {
        var answer = await rig.SendAsync(MessageTypes.PipelineStatus, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        var statuses = rig.ControlPlane.GetStatuses(runId: runId);
        Assert.True(statuses.Count >= 2, $"{statuses.Count} run.status messages");
        Assert.All(statuses, status => Assert.Equal(created, status.Status.Timestamp));
        Assert.True(answer.Ok, answer.Reason);
        var listed = answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.PipelineStatusesData)!.Statuses.Single(s => s.RunId == runId);
        Assert.Equal(created, listed.Timestamp);
    }

    [Fact]
    public async Task PipelineLogs_Run_AsksArgoForItsMainPodsMainContainerOnly()
    {
        await using var rig = await AgentRig.StartAsync("pod-logs-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);

        var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        Assert.True(answer.Ok, answer.Reason);
        var logCall = Assert.Single(rig.Recorder.Requests, request => request.Path.EndsWith("/log", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(logCall.Query);
        Assert.Contains($"podName={workflowName}", query, StringComparison.Ordinal);
        Assert.Contains("logOptions.container=main", query, StringComparison.Ordinal);
        Assert.Contains(rig.Recorder.Requests, request => Uri.UnescapeDataString(request.Query).Contains("items.status.nodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunStatus_MainPodWaitingForItsImage_QueuedWithTheReasonThenRunning()
    {
        await using var rig = await AgentRig.StartAsync("queued-pod-agent");
        var runId = Guid.NewGuid().ToString();
        var config = JsonSerializer.SerializeToElement(
            RequestPayloads.DefaultConfig + "\n# sandbox-pending: ImagePullBackOff: Back-off pulling image \"ingestion:9\"\n", ProtocolJsonContext.Default.String);
        var answer = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, config: config, runId: runId));
        Assert.True(answer.Ok, answer.Reason);
        var workflowName = answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!.WorkflowName;

        var queued = await rig.ControlPlane.WaitForStatusAsync(
            s => s.RunId == runId && s.Message?.StartsWith("ImagePullBackOff", StringComparison.Ordinal) == true, rig.Cancellation);

        // Argo calls the workflow Running from its first reconcile; only the Pod node says the run has not started.
        Assert.Equal("Running", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["status"]!["phase"]);
        Assert.Equal(PipelineStates.Queued, queued.Status.PipelineState);
        Assert.Equal("ImagePullBackOff: Back-off pulling image \"ingestion:9\"", queued.Status.Message);
        Assert.DoesNotContain(rig.ControlPlane.GetStatuses(runId: runId), s => s.Status.PipelineState == PipelineStates.Running);

        rig.Emulator.ForcePhase(AgentRig.Namespace, workflowName, "Running");
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
    }

    [Fact]
    public async Task PipelineLogs_RunWithExitHandler_PageHoldsTheMainContainerOnly()
    {
        await using var rig = await AgentRig.StartAsync("main-only-logs-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        // The exit handler ran in a pod of its own, with lines of its own in the workflow's log stream.
        Assert.Contains(
            rig.Emulator.GetPods(AgentRig.Namespace, workflowName).Snapshot().Pods,
            pod => pod.Pod.Name != workflowName && pod.Pod.MainLog.Read(0).Lines.Any(line => line.Contains("[exit_handler]", StringComparison.Ordinal)));

        var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        Assert.True(answer.Ok, answer.Reason);
        var text = answer.Data!.Value.GetProperty("ingestion_task").GetString()!;
        Assert.Contains("[main] Starting ingestion pipeline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[exit_handler]", text, StringComparison.Ordinal);
    }
}
