using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>PipelineDeleteTests</c> on the Kubernetes executor: <c>pipeline.delete</c> removes the pipeline's CronJob
/// and every Job of it (scheduled and on demand), their pods and config Secrets, leaves other pipelines alone, and can
/// always be repeated.
/// </summary>
public sealed class KubernetesDeleteTests
{
    private const string OtherFqn = "postgres_prod.metadata_ingestion";

    [Fact]
    public async Task Delete_Twice_BothSucceedAndCronJobJobsPodsAndSecretsAreGone()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-delete"));
        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline());
        await rig.Kube.FireCronJobAsync(cronName!, rig.Cancellation);
        LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null), Guid.NewGuid().ToString()));
        var otherCron = await rig.DeployOkAsync(LifecycleRequests.Pipeline(OtherFqn));
        var otherRun = LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(OtherFqn, schedule: null)));
        Assert.Equal(2, rig.Kube.Jobs(AgentRig.PipelineFqn).Count);

        var first = await rig.DeleteAsync(AgentRig.PipelineFqn);
        var second = await rig.DeleteAsync(AgentRig.PipelineFqn);

        Assert.True(first.Ok, first.Reason);
        Assert.True(second.Ok, second.Reason);
        Assert.Empty(rig.Kube.CronJobs(AgentRig.PipelineFqn));
        Assert.Empty(rig.Kube.Jobs(AgentRig.PipelineFqn));

        // Background propagation: the garbage collector then removes the pods and the config Secrets they owned.
        string[] othersOnly = [otherCron!, otherRun.WorkflowName];
        await rig.Kube.WaitForAsync(
            kube => kube.Secrets().Select(KubeObjects.Name).Order().SequenceEqual(othersOnly.Order()) && kube.Pods().All(pod => KubeObjects.Label(pod, "job-name") == otherRun.WorkflowName) ? kube : null,
            rig.Cancellation);
        Assert.Single(rig.Kube.CronJobs(OtherFqn));
        Assert.Single(rig.Kube.Jobs(OtherFqn));
    }

    [Fact]
    public async Task Delete_NeverDeployedPipeline_SucceedsAndTouchesNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-delete-nothing"));
        await rig.DeployOkAsync(LifecycleRequests.Pipeline(OtherFqn));
        var before = Assert.Single(rig.Kube.CronJobs());

        var result = await rig.DeleteAsync("mysql.never_deployed");

        Assert.True(result.Ok, result.Reason);
        var after = Assert.Single(rig.Kube.CronJobs());
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
        Assert.Null(after["metadata"]!["deletionTimestamp"]);
        Assert.Single(rig.Kube.Secrets());
    }
}
