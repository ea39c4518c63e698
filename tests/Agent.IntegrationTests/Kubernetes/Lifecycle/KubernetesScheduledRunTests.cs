using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>ScheduledRunTests</c> on the Kubernetes executor: a Job the CronJob starts is followed like any other run
/// and reported with the Job's uid (its controller uid, which the pod reads from its label) as run id.
/// </summary>
public sealed class KubernetesScheduledRunTests
{
    [Fact]
    public async Task ScheduledRun_CronJobFired_IsReportedWithTheJobUidAsRunId()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-scheduled"));
        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        var created = await rig.Kube.FireCronJobAsync(cronName!, rig.Cancellation);

        var uid = (string)created["metadata"]!["uid"]!;
        var jobName = KubeObjects.Name(created);
        var pod = await rig.Kube.PodOfAsync(jobName, rig.Cancellation);
        Assert.Equal(uid, KubeObjects.Label(pod, "batch.kubernetes.io/controller-uid"));
        var done = await rig.WaitForStateAsync(uid, PipelineStates.Success);
        Assert.Equal(AgentRig.PipelineFqn, done.Status.PipelineFqn);
        Assert.Equal(jobName, done.Status.WorkflowName);
        Assert.StartsWith(cronName + "-", jobName, StringComparison.Ordinal);
        Assert.Null(KubeObjects.Annotation(created, KubeObjects.RunIdAnnotation));
        var states = rig.ControlPlane.GetStatuses(rig.Agent.AgentId, AgentRig.PipelineFqn).Select(s => s.Status).ToList();
        Assert.All(states, status => Assert.Equal(uid, status.RunId));
        Assert.Contains(states, status => status.PipelineState == PipelineStates.Running);
        Assert.Equal(uid, KubeSpecs.ReceivedEnv(rig.Kube, pod)["pipelineRunId"]);

        // Requests that name a run find a scheduled one by its uid too, although it carries no run-id annotation.
        var logs = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, uid));
        var killRun = await rig.SendAsync(MessageTypes.PipelineKillRun, RequestPayloads.PipelineKillRun(AgentRig.PipelineFqn, uid));
        Assert.Equal(200, logs.Code);
        Assert.Equal(200, killRun.Code);
    }
}
