using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>PipelineDeployTests</c> on the Kubernetes executor: <c>pipeline.deploy</c> makes one CronJob per scheduled
/// pipeline (config in a Secret it owns), replaces it in place on a redeploy, removes it when the schedule goes, and
/// refuses a time zone Kubernetes' CronJob validation (Go's LoadLocation) would not load.
/// </summary>
public sealed class KubernetesDeployTests
{
    [Fact]
    public async Task Deploy_FirstDeployEnabled_CreatesOneActiveCronJobWithItsConfigSecret()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deploy-create"));

        var name = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "@daily", timezone: "UTC"));

        var cron = Assert.Single(rig.Kube.CronJobs(AgentRig.PipelineFqn));
        Assert.Equal(name, KubeObjects.Name(cron));
        var spec = cron["spec"]!;
        Assert.Equal("0 0 * * *", (string?)spec["schedule"]);
        Assert.Equal("UTC", (string?)spec["timeZone"]);
        Assert.False((bool)spec["suspend"]!);
        Assert.Equal("Forbid", (string?)spec["concurrencyPolicy"]);
        Assert.Equal(60, (int)spec["startingDeadlineSeconds"]!);

        // A scheduled run's id is its Job's uid, which the pod reads from the label the Job controller sets.
        var main = KubeSpecs.MainContainer(spec["jobTemplate"]!["spec"]!);
        Assert.Equal("metadata.labels['batch.kubernetes.io/controller-uid']", (string?)KubeSpecs.Env(main, "pipelineRunId")!["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal(name, (string?)KubeSpecs.Env(main, "config")!["valueFrom"]!["secretKeyRef"]!["name"]);
        var secret = Assert.Single(rig.Kube.Secrets());
        Assert.Equal(name, KubeObjects.Name(secret));
        Assert.Equal((string?)cron["metadata"]!["uid"], (string?)secret["metadata"]!["ownerReferences"]![0]!["uid"]);
        Assert.Equal(RequestPayloads.DefaultConfig, KubeSpecs.SecretValue(secret, "config"));
    }

    [Fact]
    public async Task Deploy_SecondDeployWithOtherScheduleAndDisabled_ReplacesTheSameCronJobInPlace()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deploy-redeploy"));
        var first = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "0 2 * * *", timezone: "UTC"));
        var created = Assert.Single(rig.Kube.CronJobs(AgentRig.PipelineFqn));
        var scheduledRun = await rig.Kube.FireCronJobAsync(first!, rig.Cancellation);

        var second = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "30 4 * * MON-FRI", timezone: "Europe/Paris", enabled: false));

        Assert.Equal(first, second);
        var updated = Assert.Single(rig.Kube.CronJobs(AgentRig.PipelineFqn));
        Assert.Equal(first, KubeObjects.Name(updated));
        Assert.Equal((string?)created["metadata"]!["uid"], (string?)updated["metadata"]!["uid"]);
        Assert.NotEqual((string?)created["metadata"]!["resourceVersion"], (string?)updated["metadata"]!["resourceVersion"]);
        var spec = updated["spec"]!;
        Assert.Equal("30 4 * * MON-FRI", (string?)spec["schedule"]);
        Assert.Equal("Europe/Paris", (string?)spec["timeZone"]);
        Assert.True((bool)spec["suspend"]!);
        Assert.Equal("Forbid", (string?)spec["concurrencyPolicy"]);
        Assert.Equal(60, (int)spec["startingDeadlineSeconds"]!);
        Assert.Single(rig.Kube.Secrets());
        Assert.Contains(rig.Kube.Jobs(AgentRig.PipelineFqn), job => KubeObjects.Name(job) == KubeObjects.Name(scheduledRun));
    }

    [Fact]
    public async Task Deploy_WithoutSchedule_LeavesNoCronJobButPipelineRunStillWorks()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deploy-unscheduled"));
        Assert.Null(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: null)));
        Assert.Empty(rig.Kube.CronJobs());
        Assert.NotNull(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "0 2 * * *")));
        Assert.Single(rig.Kube.CronJobs());

        Assert.Null(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: null)));

        Assert.Empty(rig.Kube.CronJobs());
        // The CronJob's config Secret goes with it (Background propagation, the garbage collector).
        await rig.Kube.WaitForAsync(kube => kube.Secrets().Count == 0 ? kube : null, rig.Cancellation);
        var runId = Guid.NewGuid().ToString();
        var started = LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null), runId));
        Assert.Equal(runId, started.RunId);
        var done = await rig.WaitForStateAsync(runId, PipelineStates.Success);
        Assert.Equal(started.WorkflowName, done.Status.WorkflowName);
        Assert.Equal(KubeObjects.Name(Assert.Single(rig.Kube.Jobs(AgentRig.PipelineFqn))), started.WorkflowName);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("UTC+2")]
    [InlineData("Local")]
    public async Task Deploy_TimezoneKubernetesCannotLoad_Returns400NamingTimezoneAndCreatesNothing(string timezone)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deploy-bad-tz"));

        var result = await rig.DeployAsync(LifecycleRequests.Pipeline(timezone: timezone));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.timezone", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Kube.CronJobs());
        Assert.Empty(rig.Kube.Secrets());
    }

    [Theory]
    [InlineData("utc", "UTC")]
    [InlineData("europe/paris", "Europe/Paris")]
    public async Task Deploy_TimezoneInOtherCase_SendsTheTimeZoneDatabaseSpelling(string requested, string sent)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deploy-tz-case"));

        // The API server loads spec.timeZone with Go's time.LoadLocation, which only knows the database's own spelling.
        await rig.DeployOkAsync(LifecycleRequests.Pipeline(timezone: requested));

        Assert.Equal(sent, (string?)Assert.Single(rig.Kube.CronJobs())["spec"]!["timeZone"]);
    }
}
