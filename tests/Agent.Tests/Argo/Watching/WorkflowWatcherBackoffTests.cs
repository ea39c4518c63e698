using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Wire;

namespace Agent.Tests.Argo.Watching;

/// <summary>
/// Issue 12 finding 5: a watch that ends at once without events is not reopened in a hot loop. The watcher waits a
/// growing, jittered delay (never above the poll interval) and lists again before each new watch, as it does while
/// watching fails; a stream that delivered events or lived long enough is resumed at once.
/// </summary>
public sealed class WorkflowWatcherBackoffTests
{
    /// <summary>Argo's own end of a watch whose k8s watch closed: in-band gRPC 8 (Argo v4.1.2 server/workflow/workflow_server.go).</summary>
    private static readonly ArgoStreamException WatchClosed = new(new StreamErrorJson(GrpcCode.ResourceExhausted, 429, "EOF", "Too Many Requests"));

    private static readonly ArgoException ArgoDown = new(ArgoErrorKind.Unavailable, "Argo Server unreachable");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Watch_EndsAtOnceWithoutEvents_WaitsAtMostThePollIntervalAndListsBeforeEachNewWatch(bool inBandEnd)
    {
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync();

        for (var round = 0; round < 5; round++)
        {
            var nextCall = harness.Argo.NextCallAsync();
            using var timeout = new CancellationTokenSource(TestTimeouts.Default);
            var delay = harness.Time.NextTimerAsync(due => due > TimeSpan.Zero, timeout.Token);
            harness.Argo.NextWatch().End(inBandEnd ? WatchClosed : null);

            // Today's code opened the next watch at once, again and again: the call must come only after a delay.
            Assert.Same(delay, await Task.WhenAny(delay, nextCall));
            Assert.InRange(await delay, TimeSpan.FromTicks(1), WatcherHarness.PollInterval);
            harness.Time.Advance(await delay);
            Assert.Equal("list", (await nextCall).Kind);
            await harness.ExpectCallAsync("watch", "100");
        }
    }

    [Fact]
    public async Task Watch_StreamDeliveredEventsThenEnded_ResumesAtOnceFromTheLastEvent()
    {
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync(WatchedWorkflows.Owned("run-1", "Running", "90"));

        harness.Argo.NextWatch().Send("MODIFIED", WatchedWorkflows.Owned("run-1", "Succeeded", "105")).End();

        // No delay armed and no list in between: had either happened, this call would never come without a clock advance.
        await harness.ExpectCallAsync("watch", "105");
    }

    [Fact]
    public async Task Watch_StreamLivedLongerThanThePollIntervalWithoutEvents_ResumesAtOnce()
    {
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync();
        var quiet = harness.Argo.NextWatch();

        harness.Time.Advance(WatcherHarness.PollInterval + TimeSpan.FromSeconds(1));
        quiet.End(WatchClosed);

        await harness.ExpectCallAsync("watch", "100");
    }

    [Fact]
    public async Task Watch_FailsAgainAfterAWatchThatLived_BackoffStartsOver()
    {
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync();

        // Four failures in a row: the fourth pause is drawn from the 4 s step.
        var delay = TimeSpan.Zero;
        for (var failure = 0; failure < 4; failure++)
        {
            harness.Argo.NextWatch().End(ArgoDown);
            delay = await harness.ElapseRetryDelayAsync();
            await harness.ExpectCallAsync("list");
            await harness.ExpectCallAsync("watch", "100");
        }

        Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        harness.Argo.NextWatch().Send("ADDED", WatchedWorkflows.Owned("run-1", "Running", "105")).End();
        await harness.ExpectCallAsync("watch", "105");

        harness.Argo.NextWatch().End(ArgoDown);
        Assert.InRange(await harness.ElapseRetryDelayAsync(), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        await harness.ExpectCallAsync("list");
    }
}
