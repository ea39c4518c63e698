using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>What <c>pipeline.deploy</c> refuses with 400 (and what it must still accept), before anything reaches Argo.</summary>
public sealed class BadInputTests(LifecycleRigFixture fixture) : IClassFixture<LifecycleRigFixture>
{
    public static TheoryData<string, string> MalformedSchedules => new()
    {
        { "61 * * * *", "minute" },
        { "0 24 * * *", "hour" },
        { "0 0 0 * *", "day of month" },
        { "0 0 32 * *", "day of month" },
        { "0 0 1 13 *", "month" },
        { "0 0 * * 7", "day of week" },
        { "0 0 * FOO *", "month" },
        { "0 0 * * MONDAY", "day of week" },
        { "0 0 * * 5-1", "day of week" },
        { "*/0 * * * *", "minute" },
        { "1-2-3 * * * *", "minute" },
        { "0 0 JAN * *", "day of month" },
        { "0,,5 * * * *", "minute" },
        { "* * * *", "5-field" },
        { "* * * * * *", "5-field" },
        { "@every 5m", "5-field" },
        { "@fortnightly", "5-field" },
        { "tomorrow at noon", "5-field" },
    };

    public static TheoryData<string, string> ValidSchedules => new()
    {
        { "59 23 31 12 6", "59 23 31 12 6" },
        { "*/15 * * * *", "*/15 * * * *" },
        { "0 9-17/2 * JAN-MAR mon-fri", "0 9-17/2 * JAN-MAR mon-fri" },
        { "5/10 0 1,15 * ?", "5/10 0 1,15 * ?" },
        { "  0   2 * * SUN ", "0 2 * * SUN" },
        { "@Weekly", "0 0 * * 0" },
    };

    public static TheoryData<string> UnknownPipelineTypes => new()
    {
        "ingestion",
        "Metadata",
        "automation",
        "",
    };

    private AgentRig Rig => fixture.Rig;

    [Theory]
    [MemberData(nameof(MalformedSchedules))]
    public async Task Deploy_MalformedSchedule_Returns400NamingScheduleAndCreatesNothing(string schedule, string expected)
    {
        var fqn = "bad_schedule." + Guid.NewGuid().ToString("N");

        var result = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "bad_schedule", schedule: schedule));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.schedule", result.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Empty(ArgoObjects.CronWorkflowsOf(Rig, fqn));
    }

    [Theory]
    [MemberData(nameof(ValidSchedules))]
    public async Task Deploy_ValidSchedule_CronWorkflowCarriesIt(string schedule, string expected)
    {
        var fqn = "good_schedule." + Guid.NewGuid().ToString("N");

        var result = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "good_schedule", schedule: schedule));

        Assert.True(result.Ok, result.Reason);
        var cron = Assert.Single(ArgoObjects.CronWorkflowsOf(Rig, fqn));
        Assert.Equal([expected], cron["spec"]!["schedules"]!.AsArray().Select(s => (string?)s));
    }

    [Theory]
    [MemberData(nameof(UnknownPipelineTypes))]
    public async Task Deploy_UnknownPipelineType_Returns400AndCreatesNothing(string pipelineType)
    {
        var fqn = "bad_type." + Guid.NewGuid().ToString("N");

        var deploy = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "bad_type", type: pipelineType));
        var run = await Rig.RunPipelineAsync(LifecycleRequests.Pipeline(fqn, "bad_type", type: pipelineType, schedule: null));

        Assert.Equal(400, deploy.Code);
        Assert.Equal(400, run.Code);
        Assert.Contains("pipeline.pipelineType", deploy.Reason, StringComparison.Ordinal);
        Assert.Empty(ArgoObjects.CronWorkflowsOf(Rig, fqn));
        Assert.Empty(ArgoObjects.WorkflowsOf(Rig, fqn));
    }
}
