using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Tests.Metrics;

namespace Agent.Tests.Operations;

/// <summary>
/// Untrusted input never becomes unbounded state in the dispatcher (issue 12, finding 3): unknown request types
/// share one metric series, and replies that wait on a full outbox are capped.
/// </summary>
public class RequestDispatcherBoundsTests
{
    [Fact]
    public async Task Dispatch_FiveHundredUnknownTypes_CountedUnderOneLabelValue()
    {
        using var harness = new DispatcherHarness(options: new ControlPlaneOptions { OutboxCapacity = 1000 }, new FakeOperationHandler(MessageTypes.PipelineRun));

        for (var i = 0; i < 500; i++)
        {
            harness.Dispatcher.Dispatch(harness.Request($"custom.type{i}", $"req-{i}"));
        }

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineRun, "req-known"));
        await harness.ResultsAsync(501);
        var series = (await RegistryText.ExpositionAsync(harness.Registry))
            .Split('\n')
            .Where(line => line.StartsWith("collate_hybrid_agent_requests_total{", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, series.Count);
        Assert.Contains(series, line => line.Contains("type=\"unknown\"", StringComparison.Ordinal) && line.EndsWith(" 500", StringComparison.Ordinal));
        Assert.Contains(series, line => line.Contains($"type=\"{MessageTypes.PipelineRun}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_OutboxFullAndRepliesAtTheirBound_RefusesWithoutExecutingUntilRoomReturns()
    {
        const int Capacity = 16;
        const int WaitingBound = 3;
        var handler = new FakeOperationHandler(MessageTypes.PipelineRun);
        using var harness = new DispatcherHarness(
            new ControlPlaneOptions { OutboxCapacity = Capacity, MaxRepliesWaitingForOutbox = WaitingBound }, handler);
        for (var i = 0; i < Capacity; i++)
        {
            await harness.Outbox.EnqueueAsync(MessageTypes.RunStatus, Empty(), null, CancellationToken.None);
        }

        var accepted = Enumerable.Range(0, 50).Select(i => harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineRun, $"req-{i}"))).ToList();
        await WaitUntilAsync(() => harness.Dispatcher.RepliesWaitingForOutbox == WaitingBound);

        Assert.Equal(WaitingBound, accepted.Count(dispatched => dispatched));
        Assert.All(accepted.Skip(WaitingBound), Assert.False);
        Assert.Equal(WaitingBound, handler.Calls);
        Assert.Equal(WaitingBound, harness.Cache.Count);

        // Room returns: the waiting answers go out, and the next request is taken again.
        harness.Outbox.Acknowledge(Capacity);
        await harness.ResultsAsync(WaitingBound);
        Assert.True(harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineRun, "req-after")));
        await harness.ResultsAsync(WaitingBound + 1);
        Assert.Equal(WaitingBound + 1, handler.Calls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    private static JsonElement Empty() => JsonDocument.Parse("{}").RootElement.Clone();
}
