using Agent.Core;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>DynamicIngestionVersionTests</c> on the Kubernetes executor: with DYNAMIC_INGESTION_VERSION_ENABLED and
/// <c>welcome.serverVersion</c>, the Jobs and CronJobs the agent creates run the server's release; without the flag the
/// configured image stays.
/// </summary>
public sealed class KubernetesDynamicIngestionVersionTests
{
    private const string Configured = "openmetadata/ingestion:1.9.0";

    private static readonly Dictionary<string, string?> ServerAnnounces = new() { ["Sandbox:ControlPlane:ServerVersion"] = "1.13.3" };

    [Fact]
    public async Task Run_FlagOnAndServerVersionAnnounced_JobAndCronJobRunTheServersVersion()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-dynver-on"), ServerAnnounces, DynamicIngestionVersionTests.Agent(dynamicVersion: true));

        var job = await rig.StartRunAsync(Guid.NewGuid().ToString());
        var cron = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        Assert.Equal("openmetadata/ingestion:1.13.3", (string?)KubeSpecs.MainContainer(rig.Kube.Job(job)!["spec"]!)["image"]);
        Assert.Equal("openmetadata/ingestion:1.13.3", (string?)KubeSpecs.MainContainer(rig.Kube.CronJob(cron!)!["spec"]!["jobTemplate"]!["spec"]!)["image"]);
        Assert.Equal("1.13.3", await DynamicIngestionVersionTests.ServiceStatusVersionAsync(rig));
        Assert.Single(rig.Agent.Logs.Events, e => e.EventId() == AgentEventIds.IngestionImageFollowsServer);
    }

    [Fact]
    public async Task Run_FlagOffAndServerVersionAnnounced_JobRunsTheConfiguredImage()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-dynver-off"), ServerAnnounces, DynamicIngestionVersionTests.Agent(dynamicVersion: false));

        var job = await rig.StartRunAsync(Guid.NewGuid().ToString());

        Assert.Equal(Configured, (string?)KubeSpecs.MainContainer(rig.Kube.Job(job)!["spec"]!)["image"]);
        Assert.Equal("1.9.0", await DynamicIngestionVersionTests.ServiceStatusVersionAsync(rig));
    }
}
