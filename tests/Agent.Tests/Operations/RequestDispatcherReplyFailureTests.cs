using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Operations;
using Microsoft.Extensions.Logging.Testing;

namespace Agent.Tests.Operations;

/// <summary>
/// An answer that cannot be turned into a <c>result</c> is logged and answered 500, never lost with its exception in
/// a task nobody awaits (issue 12, finding 10).
/// </summary>
public sealed class RequestDispatcherReplyFailureTests
{
    [Fact]
    public async Task Dispatch_AnswerThatCannotBeSerialized_IsLoggedAndAnswered500()
    {
        var broken = new FakeOperationHandler("run") { Answer = (_, _) => Task.FromResult(new OperationResult(200, Data: default(JsonElement))) };
        var logger = new FakeLogger<RequestDispatcher>();
        using var harness = new DispatcherHarness(new ControlPlaneOptions { OutboxCapacity = 64 }, logger, broken);

        harness.Dispatcher.Dispatch(harness.Request("run", "r-1"));
        var answer = DispatcherHarness.Payload((await harness.ResultsAsync(1))[0]);

        Assert.Equal((false, ResultCodes.Unexpected), (answer.Ok, answer.Code));
        Assert.Contains("r-1", answer.Reason, StringComparison.Ordinal);
        var logged = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1211);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task Dispatch_ReadOnlyAnswerWhoseSizeCannotBeMeasured_IsLoggedAndAnswered500()
    {
        var broken = new FakeOperationHandler("status")
        {
            IsReadOnly = true,
            Answer = (_, _) => Task.FromResult(new OperationResult(200, Data: default(JsonElement))),
        };
        var logger = new FakeLogger<RequestDispatcher>();
        using var harness = new DispatcherHarness(new ControlPlaneOptions { OutboxCapacity = 64 }, logger, broken);

        harness.Dispatcher.Dispatch(harness.Request("status", "s-1"));
        var answer = DispatcherHarness.Payload((await harness.ResultsAsync(1))[0]);

        Assert.Equal(ResultCodes.Unexpected, answer.Code);
        Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 1211);
    }
}
