using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>BadInputTests</c> on the Kubernetes executor: what <c>pipeline.deploy</c> refuses with 400 before anything
/// reaches the API server, and the schedules it must still accept, which the emulator's CronJob validation (robfig's
/// ParseStandard, as the API server's) takes as they are sent.
/// </summary>
public sealed class KubernetesBadInputTests(KubernetesRigFixture fixture) : IClassFixture<KubernetesRigFixture>
{
    private AgentRig Rig => fixture.Rig;

    [Theory]
    [MemberData(nameof(BadInputTests.MalformedSchedules), MemberType = typeof(BadInputTests))]
    // The API server refuses a TZ prefix in spec.schedule (ValidateCronJob); the agent refuses it first.
    [InlineData("CRON_TZ=UTC 0 0 * * *", "5-field")]
    public async Task Deploy_MalformedSchedule_Returns400NamingScheduleAndCreatesNothing(string schedule, string expected)
    {
        var fqn = "bad_schedule." + Guid.NewGuid().ToString("N");

        var result = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "bad_schedule", schedule: schedule));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.schedule", result.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.Empty(Rig.Kube.CronJobs(fqn));
    }

    [Theory]
    [MemberData(nameof(BadInputTests.ValidSchedules), MemberType = typeof(BadInputTests))]
    public async Task Deploy_ValidSchedule_CronJobCarriesIt(string schedule, string expected)
    {
        var fqn = "good_schedule." + Guid.NewGuid().ToString("N");

        var result = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "good_schedule", schedule: schedule));

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(expected, (string?)Assert.Single(Rig.Kube.CronJobs(fqn))["spec"]!["schedule"]);
    }

    [Theory]
    [MemberData(nameof(BadInputTests.UnknownPipelineTypes), MemberType = typeof(BadInputTests))]
    public async Task Deploy_UnknownPipelineType_Returns400AndCreatesNothing(string pipelineType)
    {
        var fqn = "bad_type." + Guid.NewGuid().ToString("N");

        var deploy = await Rig.DeployAsync(LifecycleRequests.Pipeline(fqn, "bad_type", type: pipelineType));
        var run = await Rig.RunPipelineAsync(LifecycleRequests.Pipeline(fqn, "bad_type", type: pipelineType, schedule: null));

        Assert.Equal(400, deploy.Code);
        Assert.Equal(400, run.Code);
        Assert.Contains("pipeline.pipelineType", deploy.Reason, StringComparison.Ordinal);
        Assert.Empty(Rig.Kube.CronJobs(fqn));
        Assert.Empty(Rig.Kube.Jobs(fqn));
    }
}
