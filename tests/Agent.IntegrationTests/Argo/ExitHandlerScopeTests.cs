using System.Text.Json.Nodes;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// The exit handler goes only where <c>exit_handler.py</c> can parse the config: ingestion runs, one-off or scheduled
/// (those keep it: WorkflowMappingTests, PodCustomizationTests).
/// Test connection and application workflows carry none (OpenMetadata's K8sPipelineClient attaches none; on a real
/// Argo the failing exit node would turn them Failed, FIDELITY §1.1, §2.3, §2.4). Checked on the body the agent POSTed.
/// </summary>
public sealed class ExitHandlerScopeTests
{
    [Fact]
    public async Task AutomationRun_TestConnection_PostsWorkflowWithoutExitHandler()
    {
        await using var rig = await AgentRig.StartAsync("exit-scope-automation");

        var started = LifecycleRequests.Started(await rig.RunAutomationAsync());

        AssertOnlyMainTemplate(PostedSpec(rig));
        await AssertSucceededAsync(rig, started.RunId);
    }

    [Fact]
    public async Task ApplicationRun_Application_PostsWorkflowWithoutExitHandler()
    {
        await using var rig = await AgentRig.StartAsync("exit-scope-application");

        var started = LifecycleRequests.Started(await rig.RunApplicationAsync());

        AssertOnlyMainTemplate(PostedSpec(rig));
        await AssertSucceededAsync(rig, started.RunId);
    }

    /// <summary>The workflow itself ends Succeeded in the strict emulator (no failing exit node), and the agent counts it.</summary>
    private static async Task AssertSucceededAsync(AgentRig rig, string runId)
    {
        var status = await rig.WaitForStateAsync(runId, PipelineStates.Success);
        Assert.Equal("Succeeded", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, status.Status.WorkflowName)["status"]!["phase"]);
        using var client = rig.Agent.CreateInfraClient();
        Assert.Equal(1, MetricsText.Sample(await client.GetStringAsync("/metrics"), "collate_hybrid_agent_jobs_total{status=\"succeeded\"}"));
    }

    private static JsonNode PostedSpec(AgentRig rig) =>
        Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}").Body!["workflow"]!["spec"]!;

    private static void AssertOnlyMainTemplate(JsonNode spec)
    {
        Assert.False(spec.AsObject().ContainsKey("onExit"));
        Assert.Equal(["ingestion"], spec["templates"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.DoesNotContain("exit_handler.py", spec.ToJsonString(), StringComparison.Ordinal);
    }
}
