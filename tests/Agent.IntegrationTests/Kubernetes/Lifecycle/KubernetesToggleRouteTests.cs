using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>SandboxToggleRouteTests</c> on the Kubernetes executor: an operator deploys a scheduled pipeline and
/// switches its schedule off and on through the sandbox's REST routes; the real agent sets the CronJob's
/// <c>spec.suspend</c> in the Kubernetes emulator.
/// </summary>
public sealed class KubernetesToggleRouteTests
{
    [Fact]
    public async Task ToggleRoute_DeployedScheduledPipeline_SuspendsThenResumesItsCronJob()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-toggle-route"));
        using var sandbox = new HttpClient { BaseAddress = rig.Sandbox.BaseUrl };
        var routes = $"/sandbox/agents/{rig.Agent.AgentId}/pipelines";

        var deployed = await SandboxToggleRouteTests.PostAsync(sandbox, $"{routes}/deploy", new { pipelineFqn = AgentRig.PipelineFqn, schedule = "0 2 * * *" }, rig.Cancellation);
        var cronJob = deployed.GetProperty("data").GetProperty("cronWorkflow").GetString()!;
        var off = await SandboxToggleRouteTests.PostAsync(sandbox, $"{routes}/toggle", new { pipelineFqn = AgentRig.PipelineFqn, enabled = false }, rig.Cancellation);
        var suspended = (bool)rig.Kube.CronJob(cronJob)!["spec"]!["suspend"]!;
        var on = await SandboxToggleRouteTests.PostAsync(sandbox, $"{routes}/toggle", new { pipelineFqn = AgentRig.PipelineFqn, enabled = true }, rig.Cancellation);
        var resumed = (bool)rig.Kube.CronJob(cronJob)!["spec"]!["suspend"]!;

        Assert.False(off.GetProperty("data").GetProperty("enabled").GetBoolean());
        Assert.True(suspended);
        Assert.True(on.GetProperty("data").GetProperty("enabled").GetBoolean());
        Assert.False(resumed);
    }
}
