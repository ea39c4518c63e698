using Agent.Core.Execution;

namespace Agent.Tests.Argo.Watching;

public sealed class WatchBackoffTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    [Fact]
    public void Next_RepeatedFailures_DoublesFromHalfASecondUpToThePollInterval()
    {
        var backoff = new WatchBackoff(PollInterval);

        // Steps 0.5, 1, 2, 4, 8 s, then capped at 10 s; each delay lies between half and all of its step.
        double[] steps = [0.5, 1, 2, 4, 8, 10, 10, 10];
        foreach (var step in steps)
        {
            Assert.InRange(backoff.Next(), TimeSpan.FromSeconds(step / 2), TimeSpan.FromSeconds(step));
        }
    }

    [Fact]
    public void Next_AfterReset_StartsFromTheFirstStep()
    {
        var backoff = new WatchBackoff(PollInterval);
        for (var failure = 0; failure < 6; failure++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next(), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }
}
