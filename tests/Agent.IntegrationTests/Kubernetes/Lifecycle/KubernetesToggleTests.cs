using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>PipelineToggleTests</c> on the Kubernetes executor: <c>pipeline.toggle</c> sets the pipeline's CronJob
/// <c>spec.suspend</c>, in place; a pipeline without one is 404 and nothing is touched.
/// </summary>
public sealed class KubernetesToggleTests
{
    [Fact]
    public async Task Toggle_DeployedPipeline_SuspendsThenResumesItsCronJobInPlace()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-toggle"));
        var name = await rig.DeployOkAsync(LifecycleRequests.Pipeline());
        var deployed = rig.Kube.CronJob(name!)!;

        var off = await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: false);
        var suspended = rig.Kube.CronJob(name!)!;
        var on = await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: true);
        var resumed = rig.Kube.CronJob(name!)!;

        Assert.True(off.Ok, off.Reason);
        Assert.False(off.Data!.Value.GetProperty("enabled").GetBoolean());
        Assert.True((bool)suspended["spec"]!["suspend"]!);
        Assert.True(on.Ok, on.Reason);
        Assert.True(on.Data!.Value.GetProperty("enabled").GetBoolean());
        Assert.False((bool)resumed["spec"]!["suspend"]!);
        Assert.Equal((string?)deployed["metadata"]!["uid"], (string?)resumed["metadata"]!["uid"]);
        Assert.Single(rig.Kube.CronJobs());
    }

    [Fact]
    public async Task Toggle_MissingOrUnscheduledPipeline_Returns404AndTouchesNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-toggle-missing"));
        await rig.DeployOkAsync(LifecycleRequests.Pipeline("other_service.scheduled"));
        await rig.DeployOkAsync(LifecycleRequests.Pipeline("mysql.unscheduled", schedule: null));
        var before = (string?)Assert.Single(rig.Kube.CronJobs())["metadata"]!["resourceVersion"];

        var missing = await rig.ToggleAsync("mysql.never_deployed", enabled: false);
        var unscheduled = await rig.ToggleAsync("mysql.unscheduled", enabled: false);

        Assert.Equal(404, missing.Code);
        Assert.Contains("mysql.never_deployed", missing.Reason, StringComparison.Ordinal);
        Assert.Equal(404, unscheduled.Code);
        var cron = Assert.Single(rig.Kube.CronJobs());
        Assert.False((bool)cron["spec"]!["suspend"]!);
        Assert.Equal(before, (string?)cron["metadata"]!["resourceVersion"]);
    }
}
