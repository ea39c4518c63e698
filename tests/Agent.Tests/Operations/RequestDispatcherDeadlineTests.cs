using Agent.Core.Protocol;

namespace Agent.Tests.Operations;

/// <summary>How the deadline bounds an operation that is already executing.</summary>
public class RequestDispatcherDeadlineTests
{
    private const string Type = MessageTypes.PipelineRun;

    [Fact]
    public async Task Dispatch_DeadlineFarInFuture_StillExecutesAndAnswers()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(maxConcurrent: 1, handler);
        var deadline = harness.Time.GetUtcNow().AddDays(100).ToString("O");

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1", $$"""{"deadline":"{{deadline}}"}"""));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(200, payload.Code);
        Assert.Equal(0, harness.Dispatcher.InFlight);
    }

    [Fact]
    public async Task Dispatch_DeadlinePassesWhileExecuting_CancelsHandlerAndAnswers408()
    {
        var handler = new FakeOperationHandler(Type, block: true);
        using var harness = new DispatcherHarness(handlers: handler);
        var deadline = harness.Time.GetUtcNow().AddSeconds(30).ToString("O");

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1", $$"""{"deadline":"{{deadline}}"}"""));
        await handler.Entered.Task.WaitAsync(TestTimeouts.Default);
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(408, payload.Code);
        Assert.Contains("deadline", payload.Reason, StringComparison.Ordinal);
    }
}
