using Agent.Core.Executors.Argo;
using Agent.Core.Protocol;

namespace Agent.Tests.Operations;

public class RequestDispatcherTests
{
    private const string Type = MessageTypes.PipelineRun;

    [Fact]
    public async Task Dispatch_KnownRequest_EnqueuesOkResultReplyingToIt()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var result = Assert.Single(await harness.ResultsAsync(1));

        Assert.Equal(MessageTypes.Result, result.Type);
        Assert.Equal("req-1", result.ReplyTo);
        Assert.Equal(1, result.Seq);
        var payload = DispatcherHarness.Payload(result);
        Assert.True(payload.Ok);
        Assert.Equal(200, payload.Code);
        Assert.Equal("run-for-req-1", payload.RunId);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Dispatch_DuplicateIdAfterAck_ExecutesOnceAndAnswersTwiceIdentically()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var first = Assert.Single(await harness.ResultsAsync(1));
        harness.Outbox.Acknowledge(first.Seq!.Value);
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var results = new[] { first, Assert.Single(await harness.ResultsAsync(1)) };

        Assert.Equal(1, handler.Calls);
        Assert.All(results, result => Assert.Equal("req-1", result.ReplyTo));
        Assert.Equal(results[0].Payload.GetRawText(), results[1].Payload.GetRawText());
        Assert.NotEqual(results[0].Seq, results[1].Seq);
    }

    [Fact]
    public async Task Dispatch_UnknownType_Answers400NamingType()
    {
        using var harness = new DispatcherHarness(handlers: new FakeOperationHandler(Type));

        harness.Dispatcher.Dispatch(harness.Request("pipeline.explode", "req-1"));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.False(payload.Ok);
        Assert.Equal(400, payload.Code);
        Assert.Contains("pipeline.explode", payload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_DeadlinePassed_Answers408WithoutCallingHandler()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);
        var deadline = harness.Time.GetUtcNow().AddSeconds(-1).ToString("O");

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1", $$"""{"deadline":"{{deadline}}"}"""));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(408, payload.Code);
        Assert.Equal(0, handler.Calls);
    }

    [Theory]
    [InlineData("""{"deadline":"tomorrow"}""")]
    [InlineData("""{"deadline":12345}""")]
    public async Task Dispatch_InvalidDeadline_Answers400NamingDeadline(string payloadJson)
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1", payloadJson));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(400, payload.Code);
        Assert.Contains("deadline", payload.Reason, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Dispatch_FutureDeadline_ExecutesHandler()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);
        var deadline = harness.Time.GetUtcNow().AddMinutes(5).ToString("O");

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1", $$"""{"deadline":"{{deadline}}"}"""));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(200, payload.Code);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Dispatch_OverConcurrencyLimit_Answers429()
    {
        var blocked = new FakeOperationHandler(Type, block: true);
        using var harness = new DispatcherHarness(maxConcurrent: 1, blocked);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        await blocked.Entered.Task.WaitAsync(TestTimeouts.Default);
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-2"));
        var busy = Assert.Single(await harness.ResultsAsync(1));

        Assert.Equal("req-2", busy.ReplyTo);
        Assert.Equal(429, DispatcherHarness.Payload(busy).Code);
        Assert.Equal(1, harness.Dispatcher.InFlight);

        blocked.Release.SetResult();
        var results = await harness.ResultsAsync(2);
        Assert.Equal("req-1", results[1].ReplyTo);
        Assert.Equal(200, DispatcherHarness.Payload(results[1]).Code);
    }

    [Fact]
    public async Task Dispatch_AfterBlockedOperationEnds_FreesItsSlot()
    {
        var blocked = new FakeOperationHandler(Type, block: true);
        using var harness = new DispatcherHarness(maxConcurrent: 1, blocked);
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        blocked.Release.SetResult();
        await harness.ResultsAsync(1);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-2"));
        var results = await harness.ResultsAsync(2);

        Assert.Equal(200, DispatcherHarness.Payload(results[1]).Code);
        Assert.Equal(0, harness.Dispatcher.InFlight);
    }

    [Fact]
    public async Task Dispatch_HandlerThrowsArgoUnavailable_Answers503()
    {
        var handler = new FakeOperationHandler(Type)
        {
            // As the Argo executor hands an Argo failure to a handler, through the seam.
            Answer = (_, _) => throw ArgoFailures.ToExecutor(new ArgoException(ArgoErrorKind.Unavailable, "Argo Server unreachable: connection refused")),
        };
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(503, payload.Code);
        Assert.Contains("unreachable", payload.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArgoErrorKind.NotFound, 404)]
    [InlineData(ArgoErrorKind.AlreadyExists, 409)]
    [InlineData(ArgoErrorKind.Forbidden, 502)]
    public async Task Dispatch_HandlerThrowsArgoError_MapsKindToCode(object kindValue, int code)
    {
        var kind = (ArgoErrorKind)kindValue;
        var handler = new FakeOperationHandler(Type) { Answer = (_, _) => throw ArgoFailures.ToExecutor(new ArgoException(kind, "argo said no")) };
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(code, payload.Code);
    }

    [Fact]
    public async Task Dispatch_HandlerThrowsUnexpected_Answers500WithoutLeakingMessage()
    {
        var handler = new FakeOperationHandler(Type)
        {
            Answer = (_, _) => throw new InvalidOperationException("connection string Password=hunter2"),
        };
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var result = Assert.Single(await harness.ResultsAsync(1));
        var payload = DispatcherHarness.Payload(result);

        Assert.Equal(500, payload.Code);
        Assert.Contains("req-1", payload.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Payload.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_AfterStopAccepting_Answers503WithoutCallingHandler()
    {
        var handler = new FakeOperationHandler(Type);
        using var harness = new DispatcherHarness(handlers: handler);

        harness.Dispatcher.StopAccepting();
        harness.Dispatcher.Dispatch(harness.Request(Type, "req-1"));
        var payload = DispatcherHarness.Payload(Assert.Single(await harness.ResultsAsync(1)));

        Assert.Equal(503, payload.Code);
        Assert.Equal(0, handler.Calls);
    }
}
