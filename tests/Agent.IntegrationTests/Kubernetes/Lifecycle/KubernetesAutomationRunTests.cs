using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>AutomationRunTests</c> on the Kubernetes executor: <c>automation.run</c> is a Job running the automation
/// entrypoint with the automation's own resources, its workflow reaching the process intact from the run's Secret.
/// (The Argo test's settings are shared; its short automation TTL has no counterpart here: every Job keeps
/// <c>Kubernetes:TtlSecondsAfterFinished</c>, and the Argo keys are ignored.)
/// </summary>
public sealed class KubernetesAutomationRunTests
{
    [Fact]
    public async Task AutomationRun_ConfiguredResources_JobUsesAutomationEntrypointAndResources()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-automation"), agentOverrides: AutomationRunTests.Settings);

        var started = LifecycleRequests.Started(await rig.RunAutomationAsync("test-connection-mysql-prod"));

        var job = rig.Kube.Job(started.WorkflowName)!;
        Assert.Equal("automation", KubeObjects.Label(job, "hybrid-agent/pipeline-type"));
        var main = KubeSpecs.MainContainer(job["spec"]!);
        Assert.Equal(["python", "run_automation.py"], KubeSpecs.Strings(main["command"]));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "300m", ["memory"] = "384Mi" }, ArgoObjects.Strings(main["resources"]!["limits"]));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "128Mi" }, ArgoObjects.Strings(main["resources"]!["requests"]));
        var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(started.WorkflowName, rig.Cancellation));
        Assert.Equal(started.RunId, received["pipelineRunId"]);
        Assert.Equal(LifecycleRequests.AutomationConfig("test-connection-mysql-prod"), received["config"]);
        await rig.WaitForStateAsync(started.RunId, PipelineStates.Success);
    }
}
