using Agent.Core.Operations.Handlers;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>RunRequestReplayAfterRestartTests</c> on the Kubernetes executor: a run request without a <c>runId</c>,
/// sent again with the same request id to a restarted agent (its answer cache gone with the old process), is answered
/// as the same run and the namespace holds one Job for it, not two: the run id derives from the agent id and the
/// request id, the Job name from the run id, so the second create meets 409 and finds its own run.
/// </summary>
public sealed class KubernetesRunRequestReplayAfterRestartTests
{
    public static TheoryData<string> RunTypes => RunRequestReplayAfterRestartTests.RunTypes;

    [Theory]
    [MemberData(nameof(RunTypes))]
    public async Task RunRequestWithoutRunId_SameRequestIdAfterAgentRestart_SameRunAndOneJob(string type)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-replay-restart"), LongRunningJobs.Settings());
        var payload = RunRequestReplayAfterRestartTests.Payload(type);

        var first = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, type, payload);
        var firstRun = RunRequestReplayAfterRestartTests.Started(await first.WaitAsync(rig.Cancellation));
        var job = rig.Kube.Job(firstRun.WorkflowName)!;
        await rig.RestartAgentAsync(() => Task.CompletedTask);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, rig.Cancellation);
        var again = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, type, payload, first.Id);
        var againRun = RunRequestReplayAfterRestartTests.Started(await again.WaitAsync(rig.Cancellation));

        Assert.Equal(firstRun, againRun);
        Assert.Null(RunRequestValidation.RunIdProblem(firstRun.RunId));
        Assert.Equal(RequestRunIds.ForRequest(rig.Agent.AgentId, first.Id), firstRun.RunId);
        var jobs = rig.Kube.JobsPerRun();
        Assert.Equal(1, Assert.Single(jobs).Value);
        Assert.Equal(firstRun.RunId, jobs.Keys.Single());

        // The very Job the first process made, untouched by the replay, and still its one pod.
        Assert.Equal((string?)job["metadata"]!["uid"], (string?)rig.Kube.Job(againRun.WorkflowName)!["metadata"]!["uid"]);
        Assert.Single(rig.Kube.Pods(againRun.WorkflowName));
    }
}
