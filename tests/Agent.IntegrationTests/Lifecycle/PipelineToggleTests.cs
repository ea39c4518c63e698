using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary><c>pipeline.toggle</c> suspends and resumes the pipeline's CronWorkflow; without one it is 404.</summary>
public sealed class PipelineToggleTests
{
    [Fact]
    public async Task Toggle_DeployedPipeline_SuspendsThenResumesItsCronWorkflow()
    {
        await using var rig = await AgentRig.StartAsync("toggle-agent");
        var name = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        var off = await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: false);
        var suspended = (bool)rig.Emulator.GetCronWorkflow(AgentRig.Namespace, name!)["spec"]!["suspend"]!;
        var on = await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: true);
        var resumed = (bool)rig.Emulator.GetCronWorkflow(AgentRig.Namespace, name!)["spec"]!["suspend"]!;

        Assert.True(off.Ok, off.Reason);
        Assert.False(off.Data!.Value.GetProperty("enabled").GetBoolean());
        Assert.True(suspended);
        Assert.True(on.Ok, on.Reason);
        Assert.True(on.Data!.Value.GetProperty("enabled").GetBoolean());
        Assert.False(resumed);
        Assert.Equal(
            ["/api/v1/cron-workflows/{namespace}/{name}/suspend", "/api/v1/cron-workflows/{namespace}/{name}/resume"],
            rig.Recorder.Requests.Where(r => r.Method == "PUT").Select(r => r.Route));
    }

    [Fact]
    public async Task Toggle_MissingOrUnscheduledPipeline_Returns404AndTouchesNothing()
    {
        await using var rig = await AgentRig.StartAsync("toggle-missing");
        await rig.DeployOkAsync(LifecycleRequests.Pipeline("other_service.scheduled"));
        await rig.DeployOkAsync(LifecycleRequests.Pipeline("mysql.unscheduled", schedule: null));

        var missing = await rig.ToggleAsync("mysql.never_deployed", enabled: false);
        var unscheduled = await rig.ToggleAsync("mysql.unscheduled", enabled: false);

        Assert.Equal(404, missing.Code);
        Assert.Contains("mysql.never_deployed", missing.Reason, StringComparison.Ordinal);
        Assert.Equal(404, unscheduled.Code);
        Assert.DoesNotContain(rig.Recorder.Requests, r => r.Method == "PUT");
        Assert.False((bool)Assert.Single(rig.Emulator.ListCronWorkflows(AgentRig.Namespace))["spec"]!["suspend"]!);
    }
}
