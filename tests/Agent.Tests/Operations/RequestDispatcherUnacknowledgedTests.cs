using Agent.Core.Operations;

namespace Agent.Tests.Operations;

/// <summary>
/// The 20-minute retention never forgets an answer the control plane has not acknowledged (issue 12, finding 1): a
/// repeat of its id must get that answer, not a second execution, however long the link was down.
/// </summary>
public sealed class RequestDispatcherUnacknowledgedTests
{
    private static readonly TimeSpan PastRetention = ResultCache.Retention + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Dispatch_AnswerUnacknowledgedPastRetentionThenAcknowledgedAndRepeated_ReplaysWithoutExecutingAgain()
    {
        var run = new FakeOperationHandler("run");
        using var harness = new DispatcherHarness(32, run);
        var request = harness.Request("run", "r-1");
        harness.Dispatcher.Dispatch(request);
        var first = (await harness.ResultsAsync(1))[0];

        // The link is down for longer than the retention; another request makes the cache prune.
        harness.Time.Advance(PastRetention);
        harness.Dispatcher.Dispatch(harness.Request("run", "r-2"));
        var both = await harness.ResultsAsync(2);
        Assert.Equal(2, harness.Cache.Count);

        // The control plane is back, acknowledges both answers, and a few minutes later asks r-1 again on purpose.
        harness.Outbox.Acknowledge(both[^1].Seq!.Value);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        harness.Dispatcher.Dispatch(request);
        var replay = (await harness.ResultsAsync(1))[0];

        Assert.Equal(2, run.Calls);
        Assert.Equal(request.Id, replay.ReplyTo);
        Assert.Equal(first.Payload.GetRawText(), replay.Payload.GetRawText());
    }

    [Fact]
    public async Task Dispatch_UnacknowledgedRepeatPastRetention_IsNeitherExecutedNorAnsweredTwice()
    {
        var run = new FakeOperationHandler("run");
        using var harness = new DispatcherHarness(32, run);
        var request = harness.Request("run", "r-1");
        harness.Dispatcher.Dispatch(request);
        await harness.ResultsAsync(1);

        harness.Time.Advance(PastRetention);
        harness.Dispatcher.Dispatch(harness.Request("run", "r-2"));
        await harness.ResultsAsync(2);
        harness.Dispatcher.Dispatch(request);
        harness.Dispatcher.Dispatch(harness.Request("run", "r-3"));
        var answers = await harness.ResultsAsync(3);

        Assert.Equal(3, run.Calls);
        Assert.Equal(["r-1", "r-2", "r-3"], answers.Select(answer => answer.ReplyTo));
        Assert.Equal(3, harness.Outbox.After(0).Entries.Count);
    }

    [Fact]
    public async Task Dispatch_AcknowledgedAnswerPastRetention_IsForgottenAndARepeatExecutesAgain()
    {
        var run = new FakeOperationHandler("run");
        using var harness = new DispatcherHarness(32, run);
        var request = harness.Request("run", "r-1");
        harness.Dispatcher.Dispatch(request);
        var first = (await harness.ResultsAsync(1))[0];
        harness.Outbox.Acknowledge(first.Seq!.Value);

        harness.Time.Advance(PastRetention);
        harness.Dispatcher.Dispatch(request);
        await harness.ResultsAsync(1);

        Assert.Equal(2, run.Calls);
    }
}
