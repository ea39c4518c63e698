using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary><c>pipeline.deploy</c> against the emulator: one CronWorkflow per scheduled pipeline, updated in place.</summary>
public sealed class PipelineDeployTests
{
    [Fact]
    public async Task Deploy_SecondDeployWithOtherScheduleAndDisabled_UpdatesTheSameCronWorkflowInPlace()
    {
        await using var rig = await AgentRig.StartAsync("deploy-redeploy");
        var first = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "0 2 * * *", timezone: "UTC"));
        var created = Assert.Single(ArgoObjects.CronWorkflowsOf(rig, AgentRig.PipelineFqn));
        var scheduledRun = rig.Emulator.TriggerCronWorkflow(AgentRig.Namespace, first!);

        var second = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "30 4 * * MON-FRI", timezone: "Europe/Paris", enabled: false));

        Assert.Equal(first, second);
        var updated = Assert.Single(ArgoObjects.CronWorkflowsOf(rig, AgentRig.PipelineFqn));
        Assert.Equal(first, ArgoObjects.Name(updated));
        Assert.Equal((string?)created["metadata"]!["uid"], (string?)updated["metadata"]!["uid"]);
        Assert.NotEqual((string?)created["metadata"]!["resourceVersion"], (string?)updated["metadata"]!["resourceVersion"]);
        var spec = updated["spec"]!;
        Assert.Equal(["30 4 * * MON-FRI"], spec["schedules"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("Europe/Paris", (string?)spec["timezone"]);
        Assert.True((bool)spec["suspend"]!);
        Assert.Equal("Forbid", (string?)spec["concurrencyPolicy"]);
        Assert.Equal(0, (int)spec["startingDeadlineSeconds"]!);
        var update = Assert.Single(rig.Recorder.Requests, r => r.Method == "PUT" && r.Route == "/api/v1/cron-workflows/{namespace}/{name}");
        Assert.Equal((string?)created["metadata"]!["resourceVersion"], (string?)update.Body!["cronWorkflow"]!["metadata"]!["resourceVersion"]);
        Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/cron-workflows/{namespace}");
        Assert.Contains(ArgoObjects.WorkflowsOf(rig, AgentRig.PipelineFqn), workflow => ArgoObjects.Name(workflow) == ArgoObjects.Name(scheduledRun));
    }

    [Fact]
    public async Task Deploy_FirstDeployEnabled_CreatesOneActiveCronWorkflowWithArgoV4Fields()
    {
        await using var rig = await AgentRig.StartAsync("deploy-create");

        var name = await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "@daily", timezone: "UTC"));

        var cron = Assert.Single(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));
        Assert.Equal(name, ArgoObjects.Name(cron));
        var spec = cron["spec"]!.AsObject();
        Assert.Equal(["0 0 * * *"], spec["schedules"]!.AsArray().Select(s => (string?)s));
        Assert.False(spec.ContainsKey("schedule"));
        Assert.Equal("UTC", (string?)spec["timezone"]);
        Assert.False((bool)spec["suspend"]!);
        Assert.Equal("Forbid", (string?)spec["concurrencyPolicy"]);
        Assert.Equal(0, (int)spec["startingDeadlineSeconds"]!);
        Assert.Equal("{{workflow.uid}}", ArgoObjects.Env(ArgoObjects.Containers(spec["workflowSpec"]!).First())["pipelineRunId"]);
    }

    [Fact]
    public async Task Deploy_WithoutSchedule_LeavesNoCronWorkflowButPipelineRunStillWorks()
    {
        await using var rig = await AgentRig.StartAsync("deploy-unscheduled");
        Assert.Null(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: null)));
        Assert.Empty(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));
        Assert.NotNull(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "0 2 * * *")));
        Assert.Single(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));

        Assert.Null(await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: null)));

        Assert.Empty(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));
        var runId = Guid.NewGuid().ToString();
        var started = LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null), runId));
        Assert.Equal(runId, started.RunId);
        var done = await rig.WaitForStateAsync(runId, Agent.Core.Protocol.Messages.PipelineStates.Success);
        Assert.Equal(started.WorkflowName, done.Status.WorkflowName);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("UTC+2")]
    public async Task Deploy_TimezoneArgoCannotLoad_Returns400NamingTimezoneAndCreatesNothing(string timezone)
    {
        await using var rig = await AgentRig.StartAsync("deploy-bad-tz");

        var result = await rig.DeployAsync(LifecycleRequests.Pipeline(timezone: timezone));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.timezone", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));
    }

    [Theory]
    [InlineData("utc", "UTC")]
    [InlineData("europe/paris", "Europe/Paris")]
    public async Task Deploy_TimezoneInOtherCase_SendsTheTimeZoneDatabaseSpelling(string requested, string sent)
    {
        await using var rig = await AgentRig.StartAsync("deploy-tz-case-" + sent.Replace('/', '-').ToLowerInvariant());

        // Go's time.LoadLocation (Argo) only knows the database's own spelling.
        await rig.DeployOkAsync(LifecycleRequests.Pipeline(timezone: requested));

        Assert.Equal(sent, (string?)Assert.Single(rig.Emulator.ListCronWorkflows(AgentRig.Namespace))["spec"]!["timezone"]);
    }
}
