using Agent.Core.Link;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Link;

public class ReconnectBackoffTests
{
    private static ReconnectBackoff Create(int capSeconds = 60, int seed = 42) =>
        new(Options.Create(new ControlPlaneOptions { ReconnectDelaySeconds = capSeconds }), new Random(seed));

    [Fact]
    public void NextDelay_FirstAttempt_IsAtMostOneSecond()
    {
        var backoff = Create();

        var delays = Enumerable.Range(0, 500).Select(_ => backoff.NextDelay(0, refused: false)).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(30, 60)]
    [InlineData(int.MaxValue, 60)]
    public void NextDelay_Attempt_StaysUnderDoublingCeilingCappedAtMax(int attempt, int ceilingSeconds)
    {
        var backoff = Create();

        var delays = Enumerable.Range(0, 500).Select(_ => backoff.NextDelay(attempt, refused: false)).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(ceilingSeconds)));
        // With 500 draws, some land in the top half: the ceiling really is that high, not lower.
        Assert.Contains(delays, delay => delay > TimeSpan.FromSeconds(ceilingSeconds / 2.0));
    }

    [Fact]
    public void NextDelay_Refused_IsExactlyTheCap()
    {
        var backoff = Create(capSeconds: 120);

        Assert.Equal(TimeSpan.FromSeconds(120), backoff.NextDelay(0, refused: true));
        Assert.Equal(TimeSpan.FromSeconds(120), backoff.NextDelay(7, refused: true));
        Assert.Equal(TimeSpan.FromSeconds(120), backoff.Cap);
    }

    [Fact]
    public void NextDelay_ManyAgents_AreSpreadOut()
    {
        var backoff = Create();

        var delays = Enumerable.Range(0, 100).Select(_ => backoff.NextDelay(4, refused: false)).ToList();

        Assert.True(delays.Distinct().Count() > 90);
        Assert.True(delays.Max() - delays.Min() > TimeSpan.FromSeconds(8));
    }
}
