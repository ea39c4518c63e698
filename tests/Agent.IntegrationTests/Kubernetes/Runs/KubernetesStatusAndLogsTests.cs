using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Runs;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>StatusAndLogsTests</c> on the Kubernetes executor: <c>pipeline.status</c> lists the pipeline's Jobs
/// newest first; <c>pipeline.logs</c> pages the Job pod's main container log with <c>after</c>, never splitting a
/// character; once the pod is deleted the log is no longer available.
/// </summary>
public sealed class KubernetesStatusAndLogsTests
{
    [Fact]
    public async Task PipelineStatus_ThreeRunsInDifferentSeconds_ListsThemNewestFirst()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-status-agent");

        var runIds = await StatusAndLogsTests.AssertThreeRunsListedNewestFirstAsync(rig);

        Assert.Equal(runIds.Select(KubeRuns.JobName).Order(), rig.Kube.Jobs(AgentRig.PipelineFqn).Select(KubeObjects.Name).Order());
    }

    [Fact]
    public async Task PipelineLogs_LogOverThreeChunksWithMultiByteBorders_PagesWithAfterUntilWholeLog()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-logs-agent");
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        var pod = KubeObjects.Name(Assert.Single(rig.Kube.Pods(jobName)));

        await rig.AppendPodLogAsync(pod, StatusAndLogsTests.MultiByteLines(rig.PodLog(pod)));
        var whole = StatusAndLogsTests.WholeLog(rig.PodLog(pod));

        await StatusAndLogsTests.AssertPagesAreWholeLogAsync(rig, runId, whole);
    }

    [Fact]
    public async Task PipelineLogs_PodDeleted_AnswersNoLongerAvailable()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-logs-gone-agent");
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        var before = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));
        Assert.True(before.Ok, before.Reason);

        rig.DeletePod(KubeObjects.Name(Assert.Single(rig.Kube.Pods(jobName))));
        var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        Assert.Equal(404, answer.Code);
        Assert.Contains("no longer available", answer.Reason, StringComparison.Ordinal);
        Assert.NotNull(rig.Kube.Job(jobName));
        Assert.Empty(rig.Kube.Pods(jobName));
    }
}
