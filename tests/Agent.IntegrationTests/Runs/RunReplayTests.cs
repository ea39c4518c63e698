using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Runs;

/// <summary>A run replayed under a new request id (control-plane retry, reconnect) never starts a second workflow.</summary>
public sealed class RunReplayTests
{
    [Fact]
    public async Task PipelineRun_SameRunIdNewRequestId_AnswersOkWithSameWorkflowAndCreatesNoSecond()
    {
        await using var rig = await AgentRig.StartAsync("replay-agent");
        var runId = Guid.NewGuid().ToString();

        var (first, firstName) = await rig.RunAsync(runId, requestId: Guid.NewGuid().ToString());
        var (replay, replayName) = await rig.RunAsync(runId, requestId: Guid.NewGuid().ToString());

        Assert.Equal(200, first.Code);
        Assert.Equal(200, replay.Code);
        Assert.Equal(runId, replay.RunId);
        Assert.Equal(firstName, replayName);
        Assert.Single(rig.Emulator.ListWorkflows(AgentRig.Namespace), w => (string?)w["metadata"]!["labels"]!["hybrid-agent/run-id"] == runId);
        // The replay really reached Argo (and met 409) rather than being answered from a cache of request ids.
        Assert.Equal(2, rig.Recorder.Requests.Count(r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}"));
    }
}
