using Agent.Core.Link;
using Agent.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Link;

public sealed class LoopProgressTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Health_LoopBeatsEachInterval_IsHealthy()
    {
        var progress = new LoopProgress(_time);
        progress.Start(LoopProgress.Send, TimeSpan.FromSeconds(15));
        for (var tick = 0; tick < 10; tick++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            progress.Beat(LoopProgress.Send);
        }

        Assert.Empty(progress.Stalled());
        Assert.Equal(HealthStatus.Healthy, (await Check(progress)).Status);
    }

    [Fact]
    public async Task Health_SendLoopSilentForThreeIntervals_IsUnhealthyNamingTheLoop()
    {
        var progress = new LoopProgress(_time);
        progress.Start(LoopProgress.Receive, TimeSpan.FromSeconds(15));
        progress.Start(LoopProgress.Send, TimeSpan.FromSeconds(15));

        _time.Advance(TimeSpan.FromSeconds(46));
        progress.Beat(LoopProgress.Receive);
        var result = await Check(progress);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("send loop made no progress for 46 s", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("receive", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Stalled_LoopStoppedWithTheSession_IsNoLongerWatched()
    {
        var progress = new LoopProgress(_time);
        progress.Start(LoopProgress.Receive, TimeSpan.FromSeconds(1));
        progress.Stop(LoopProgress.Receive);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(progress.Stalled());
    }

    private static Task<HealthCheckResult> Check(LoopProgress progress) =>
        new LoopProgressHealthCheck(progress).CheckHealthAsync(new HealthCheckContext());
}
