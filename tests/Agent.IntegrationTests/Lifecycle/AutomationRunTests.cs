using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary><c>automation.run</c>: the automation entrypoint with the automation's own resources and short TTL.</summary>
public sealed class AutomationRunTests
{
    internal static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:Resources:CpuLimit"] = "2",
        ["Ingestion:Resources:MemoryLimit"] = "3Gi",
        ["Ingestion:Resources:CpuRequest"] = "500m",
        ["Ingestion:Resources:MemoryRequest"] = "1Gi",
        ["Ingestion:AutomationResources:CpuLimit"] = "300m",
        ["Ingestion:AutomationResources:MemoryLimit"] = "384Mi",
        ["Ingestion:AutomationResources:CpuRequest"] = "100m",
        ["Ingestion:AutomationResources:MemoryRequest"] = "128Mi",
        ["Argo:AutomationTtlSeconds"] = "600",
        ["Argo:SecondsAfterCompletionTtl"] = "86400",
    };

    [Fact]
    public async Task AutomationRun_ConfiguredResources_UsesAutomationResourcesAndShortTtl()
    {
        await using var rig = await AgentRig.StartAsync("automation-agent", agentOverrides: Settings);

        var started = LifecycleRequests.Started(await rig.RunAutomationAsync("test-connection-mysql-prod"));

        var workflow = rig.Emulator.GetWorkflow(AgentRig.Namespace, started.WorkflowName);
        var spec = workflow["spec"]!;
        Assert.Equal(600, (int)spec["ttlStrategy"]!["secondsAfterCompletion"]!);
        Assert.Equal("automation", (string?)workflow["metadata"]!["labels"]!["hybrid-agent/pipeline-type"]);
        var main = ArgoObjects.Containers(spec).First();
        Assert.Equal(["python", "run_automation.py"], main["command"]!.AsArray().Select(part => (string?)part));
        foreach (var container in ArgoObjects.Containers(spec))
        {
            Assert.Equal(new Dictionary<string, string> { ["cpu"] = "300m", ["memory"] = "384Mi" }, ArgoObjects.Strings(container["resources"]!["limits"]));
            Assert.Equal(new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "128Mi" }, ArgoObjects.Strings(container["resources"]!["requests"]));
        }

        Assert.Equal(started.RunId, ArgoObjects.Env(main)["pipelineRunId"]);
        Assert.Equal(LifecycleRequests.AutomationConfig("test-connection-mysql-prod"), ArgoObjects.Env(main)["config"]);
        await rig.WaitForStateAsync(started.RunId, PipelineStates.Success);
    }
}
