using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>RunReplayTests</c> on the Kubernetes executor: a run replayed under a new request id (control-plane
/// retry, reconnect) never starts a second Job; the Job's name comes from the run id, so the API server's 409 catches it.
/// </summary>
public sealed class KubernetesRunReplayTests
{
    [Fact]
    public async Task PipelineRun_SameRunIdNewRequestId_AnswersOkWithSameJobAndCreatesNoSecond()
    {
        var tap = new KubeApiTap();
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-replay-agent", replaceServices: tap.Install);
        var runId = Guid.NewGuid().ToString();

        var (first, firstName) = await rig.RunAsync(runId, requestId: Guid.NewGuid().ToString());
        var (replay, replayName) = await rig.RunAsync(runId, requestId: Guid.NewGuid().ToString());

        Assert.Equal(200, first.Code);
        Assert.Equal(200, replay.Code);
        Assert.Equal(runId, replay.RunId);
        Assert.Equal(firstName, replayName);
        Assert.Equal(KubeRuns.JobName(runId), replayName);
        Assert.Equal(1, Assert.Single(rig.Kube.JobsPerRun()).Value);
        Assert.Single(rig.Kube.Secrets());
        // The replay really reached the API server (and met 409) rather than being answered from a cache of request ids.
        Assert.Equal(2, tap.Requests.Count(r => r == ("POST", $"/apis/batch/v1/namespaces/{AgentRig.Namespace}/jobs")));
    }
}
