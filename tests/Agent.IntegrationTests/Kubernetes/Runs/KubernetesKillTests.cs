using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>KillTests</c> on the Kubernetes executor: <c>pipeline.kill</c> and <c>pipeline.killRun</c> reach only
/// this agent's Jobs; a killed run's Job is suspended with the stopped annotation, its pod is deleted by the Job
/// controller, and the run is reported <c>stopped</c> once.
/// </summary>
public sealed class KubernetesKillTests
{
    [Fact]
    public async Task PipelineKill_OwnAndForeignRuns_StopsOnlyOwnAndReportsStoppedOnce()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-kill-agent", KubeRuns.LongRuns);
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        var foreignRunId = Guid.NewGuid().ToString();
        rig.CreateForeignJob("om-foreign-run", foreignRunId, AgentRig.PipelineFqn);
        await rig.Kube.WaitForAsync(objects => objects.Pods("om-foreign-run").SingleOrDefault(pod => (string?)pod["status"]!["phase"] == "Running"), rig.Cancellation);

        var kill = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        Assert.True(kill.Ok, kill.Reason);
        Assert.Equal([runId], kill.Data!.Value.Deserialize(ProtocolJsonContext.Default.StoppedRunsData)!.Stopped);
        var stopped = await rig.WaitForStateAsync(runId, PipelineStates.Stopped);
        Assert.Equal(jobName, stopped.Status.WorkflowName);
        var job = rig.Kube.Job(jobName)!;
        Assert.True(KubeRuns.IsSuspended(job));
        Assert.NotNull(KubeRuns.StoppedAt(job));
        Assert.Empty(rig.Kube.Pods(jobName));
        var foreign = rig.Kube.Job("om-foreign-run")!;
        Assert.False(KubeRuns.IsSuspended(foreign));
        Assert.Null(KubeRuns.StoppedAt(foreign));
        Assert.Equal("Running", (string?)Assert.Single(rig.Kube.Pods("om-foreign-run"))["status"]!["phase"]);
        Assert.Empty(rig.ControlPlane.GetStatuses(runId: foreignRunId));
        await AssertStoppedReportedOnceAsync(rig, runId);
    }

    [Fact]
    public async Task PipelineKillRun_ForeignUnknownOrFinishedRun_AnswersAsOnArgoAndStopsNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-killrun-agent");
        var finishedRunId = Guid.NewGuid().ToString();
        var finishedJob = await rig.StartRunAsync(finishedRunId);
        await rig.WaitForStateAsync(finishedRunId, PipelineStates.Success);
        var foreignRunId = Guid.NewGuid().ToString();
        rig.CreateForeignJob("om-foreign-one", foreignRunId, AgentRig.PipelineFqn);

        var foreign = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(foreignRunId));
        var unknown = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(Guid.NewGuid().ToString()));
        var finished = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(finishedRunId));

        Assert.Equal(404, foreign.Code);
        Assert.Equal(404, unknown.Code);
        Assert.True(finished.Ok, finished.Reason);
        Assert.Empty(finished.Data!.Value.Deserialize(ProtocolJsonContext.Default.StoppedRunsData)!.Stopped);
        var foreignJob = rig.Kube.Job("om-foreign-one")!;
        Assert.Null(KubeRuns.StoppedAt(foreignJob));
        Assert.False(KubeRuns.IsSuspended(foreignJob));
        var done = rig.Kube.Job(finishedJob)!;
        Assert.Null(KubeRuns.StoppedAt(done));
        Assert.False(KubeRuns.IsSuspended(done));
        Assert.DoesNotContain(rig.ControlPlane.GetStatuses(runId: finishedRunId), s => s.Status.PipelineState == PipelineStates.Stopped);
    }

    internal static JsonElement KillRun(string runId) => JsonSerializer.SerializeToElement(
        new PipelineKillRunRequest(AgentRig.PipelineFqn, runId), ProtocolJsonContext.Default.PipelineKillRunRequest);

    /// <summary>
    /// One <c>stopped</c>, and nothing after it: a later run on the same pipeline is followed to its end, so any
    /// duplicate of the first run's report would already have been sent by then (the watcher reports in order).
    /// </summary>
    internal static async Task AssertStoppedReportedOnceAsync(AgentRig rig, string runId)
    {
        var later = Guid.NewGuid().ToString();
        var laterJob = await rig.StartRunAsync(later);
        await rig.Kube.ForcePhaseAsync(laterJob, "Succeeded", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(later, PipelineStates.Success);
        var statuses = rig.ControlPlane.GetStatuses(runId: runId).Select(s => s.Status.PipelineState).ToList();
        Assert.Single(statuses, state => state == PipelineStates.Stopped);
        Assert.Equal(PipelineStates.Stopped, statuses[^1]);
    }
}
