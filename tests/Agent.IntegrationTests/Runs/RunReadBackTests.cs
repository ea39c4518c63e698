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
}
