using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>ApplicationRunTests</c> on the Kubernetes executor: <c>application.run</c> is a Job running the
/// applications runner with the ingestion resources, tracked like any run; an unknown pipeline type creates nothing.
/// </summary>
public sealed class KubernetesApplicationRunTests
{
    private const string ApplicationFqn = "OpenMetadata.DataInsightsApplication";

    [Fact]
    public async Task ApplicationRun_Pipeline_StartsApplicationsRunnerJobAndReportsItsStatus()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-application"), agentOverrides: new Dictionary<string, string?> { ["Ingestion:Resources:CpuLimit"] = "2" });

        var started = LifecycleRequests.Started(await rig.RunApplicationAsync(ApplicationFqn));

        var job = Assert.Single(rig.Kube.Jobs(ApplicationFqn));
        Assert.Equal(started.WorkflowName, KubeObjects.Name(job));
        Assert.Equal("application", KubeObjects.Label(job, "hybrid-agent/pipeline-type"));
        Assert.Equal(7 * 24 * 3600, (int)job["spec"]!["ttlSecondsAfterFinished"]!);
        var main = KubeSpecs.MainContainer(job["spec"]!);
        Assert.Equal(["python", "-m", "metadata.applications.runner"], KubeSpecs.Strings(main["command"]));
        Assert.Equal("2", (string?)main["resources"]!["limits"]!["cpu"]);
        var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(started.WorkflowName, rig.Cancellation));
        Assert.Equal("{\"appName\": \"DataInsightsApplication\"}", received["config"]);
        var done = await rig.WaitForStateAsync(started.RunId, PipelineStates.Success);
        Assert.Equal(ApplicationFqn, done.Status.PipelineFqn);
    }

    [Fact]
    public async Task ApplicationRun_UnknownPipelineType_Returns400AndCreatesNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-application-bad-type"));

        var result = await rig.SendAsync(
            MessageTypes.ApplicationRun,
            JsonSerializer.SerializeToElement(
                new ApplicationRunRequest(LifecycleRequests.Pipeline(ApplicationFqn, type: "notAType"), JsonSerializer.SerializeToElement("{}", ProtocolJsonContext.Default.String)),
                ProtocolJsonContext.Default.ApplicationRunRequest));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.pipelineType", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Kube.Jobs());
        Assert.Empty(rig.Kube.Secrets());
    }
}
