namespace Agent.Tests.Operations;

/// <summary>An operator's drain is undone by an undrain; a shutdown's is not; the draining gauge follows.</summary>
public sealed class RequestDispatcherDrainTests
{
    private const string Type = "test.op";

    [Fact]
    public async Task Undrain_AfterDrain_ExecutesAgainAndGaugeFollows()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);

        var since = harness.Dispatcher.Drain();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var secondDrain = harness.Dispatcher.Drain();
        var drainedBeforeDispatch = harness.Dispatcher.IsDraining;
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-drained"));
        var refused = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));
        var undrained = harness.Dispatcher.Undrain();
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-undrained"));
        var answered = DispatcherHarness.Payload((await harness.ResultsAsync(2))[1]);

        Assert.Equal(since, secondDrain);
        Assert.True(drainedBeforeDispatch);
        Assert.Equal(503, refused.Code);
        Assert.Contains("DELETE /admin/drain", refused.Reason, StringComparison.Ordinal);
        Assert.True(undrained);
        Assert.False(harness.Dispatcher.IsDraining);
        Assert.Null(harness.Dispatcher.DrainingSince);
        Assert.Equal(200, answered.Code);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(0, Gauge(harness));
    }

    [Fact]
    public void Undrain_WhileShuttingDown_RefusedAndStillDraining()
    {
        using var harness = new DispatcherHarness(handlers: new FakeOperationHandler(Type));

        harness.Dispatcher.StopAccepting();
        var undrained = harness.Dispatcher.Undrain();

        Assert.False(undrained);
        Assert.True(harness.Dispatcher.IsDraining);
        Assert.True(harness.Dispatcher.IsShuttingDown);
        Assert.Equal(1, Gauge(harness));
    }

    private static double Gauge(DispatcherHarness harness)
    {
        using var stream = new MemoryStream();
        harness.Registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Single(l => l.StartsWith("collate_hybrid_agent_draining ", StringComparison.Ordinal));
        return double.Parse(line["collate_hybrid_agent_draining ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
