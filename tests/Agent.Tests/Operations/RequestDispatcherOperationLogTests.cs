using System.Globalization;
using Agent.Core.Link;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agent.Tests.Operations;

/// <summary>
/// Every request leaves exactly one Information line, after its answer, with its type, pipeline, run, code and the
/// time from receipt to answer; a duplicate answered from the cache is marked replayed; the payload never shows
/// (issue 13, item 6).
/// </summary>
public sealed class RequestDispatcherOperationLogTests
{
    private const int Answered = 1220;
    private const int Replayed = 1201;
    private const string Payload = """{"pipelineFqn":"svc.pipeline","runId":"6bc1746d-56d0-8e0a-ac00-5ba3c3bbe612"}""";

    private readonly FakeLogger<RequestDispatcher> _logger = new();

    [Fact]
    public async Task Dispatch_HandlerAnswers_LogsOneInformationLineWithTypePipelineRunCodeAndDuration()
    {
        var handler = new FakeOperationHandler(MessageTypes.PipelineKillRun, block: true)
        {
            Answer = (_, _) => Task.FromResult(new OperationResult(404, "no such run")),
        };
        using var harness = new DispatcherHarness(Options(), _logger, handler);

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineKillRun, "req-1", Payload));
        await handler.Entered.Task.WaitAsync(TestTimeouts.Default);
        harness.Time.Advance(TimeSpan.FromMilliseconds(250));
        handler.Release.SetResult();
        await harness.ResultsAsync(1);

        var line = Assert.Single(_logger.Collector.GetSnapshot(), record => record.Level >= LogLevel.Information);
        Assert.Equal((Answered, LogLevel.Information), (line.Id.Id, line.Level));
        Assert.Equal(
            (MessageTypes.PipelineKillRun, "req-1", "svc.pipeline", "6bc1746d-56d0-8e0a-ac00-5ba3c3bbe612", "404"),
            (line.GetStructuredStateValue("OperationType"), line.GetStructuredStateValue("RequestId"), line.GetStructuredStateValue("PipelineFqn"),
                line.GetStructuredStateValue("RunId"), line.GetStructuredStateValue("Code")));
        Assert.Equal(250, double.Parse(line.GetStructuredStateValue("DurationMs")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dispatch_RunStarted_LogsTheRunIdOfTheAnswer()
    {
        using var harness = new DispatcherHarness(Options(), _logger, new FakeOperationHandler(MessageTypes.PipelineRun));

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineRun, "req-1", """{"pipeline":{"fullyQualifiedName":"svc.p"}}"""));
        await harness.ResultsAsync(1);

        var line = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(("svc.p", "run-for-req-1", "200"), (line.GetStructuredStateValue("PipelineFqn"), line.GetStructuredStateValue("RunId"), line.GetStructuredStateValue("Code")));
    }

    [Theory]
    [InlineData("pipeline.explode", """{"pipelineFqn":"svc.pipeline"}""", 400)]
    [InlineData(MessageTypes.PipelineToggle, """{"pipelineFqn":"svc.pipeline","deadline":"tomorrow"}""", 400)]
    [InlineData(MessageTypes.PipelineToggle, """{"pipelineFqn":"svc.pipeline","deadline":"2000-01-01T00:00:00Z"}""", 408)]
    public async Task Dispatch_RefusedByTheDispatcher_LogsOneLineWithItsCode(string type, string payload, int code)
    {
        var handler = new FakeOperationHandler(MessageTypes.PipelineToggle);
        using var harness = new DispatcherHarness(Options(), _logger, handler);

        harness.Dispatcher.Dispatch(harness.Request(type, "req-1", payload));
        await harness.ResultsAsync(1);

        var line = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((Answered, LogLevel.Information, type, "svc.pipeline", code.ToString(CultureInfo.InvariantCulture)),
            (line.Id.Id, line.Level, line.GetStructuredStateValue("OperationType"), line.GetStructuredStateValue("PipelineFqn"), line.GetStructuredStateValue("Code")));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Dispatch_WhileStopping_LogsTheRefusalAs503()
    {
        using var harness = new DispatcherHarness(Options(), _logger, new FakeOperationHandler(MessageTypes.PipelineToggle));
        harness.Dispatcher.StopAccepting();

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineToggle, "req-1", Payload));
        await harness.ResultsAsync(1);

        Assert.Equal("503", Assert.Single(_logger.Collector.GetSnapshot(), record => record.Id.Id == Answered).GetStructuredStateValue("Code"));
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_LogsTheOperationAs500()
    {
        var handler = new FakeOperationHandler(MessageTypes.PipelineDeploy) { Answer = (_, _) => throw new InvalidOperationException("boom") };
        using var harness = new DispatcherHarness(Options(), _logger, handler);

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineDeploy, "req-1", Payload));
        await harness.ResultsAsync(1);

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal("500", Assert.Single(records, record => record.Id.Id == Answered).GetStructuredStateValue("Code"));
        Assert.Single(records, record => record.Level == LogLevel.Information);
    }

    [Fact]
    public async Task Dispatch_DuplicateAfterAck_LogsOneReplayedLine()
    {
        var handler = new FakeOperationHandler(MessageTypes.PipelineToggle);
        using var harness = new DispatcherHarness(Options(), _logger, handler);

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineToggle, "req-1", Payload));
        harness.Outbox.Acknowledge((await harness.ResultsAsync(1))[0].Seq!.Value);
        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineToggle, "req-1", Payload));
        await harness.ResultsAsync(1);

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal([Answered, Replayed], records.Select(record => record.Id.Id));
        Assert.All(records, record => Assert.Equal(LogLevel.Information, record.Level));
        Assert.Equal((MessageTypes.PipelineToggle, "req-1"), (records[1].GetStructuredStateValue("OperationType"), records[1].GetStructuredStateValue("RequestId")));
        Assert.Equal(("svc.pipeline", "200"), (records[1].GetStructuredStateValue("PipelineFqn"), records[1].GetStructuredStateValue("Code")));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Dispatch_PayloadAndReasonCarrySecrets_NeitherIsLogged()
    {
        const string Canary = "bot-token-canary-91c2";
        var handler = new FakeOperationHandler(MessageTypes.PipelineRun)
        {
            Answer = (_, _) => Task.FromResult(OperationResult.BadRequest($"payload field 'config' contains '{{{{ {Canary} }}}}'")),
        };
        using var harness = new DispatcherHarness(Options(), _logger, handler);

        harness.Dispatcher.Dispatch(harness.Request(MessageTypes.PipelineRun, "req-1", $$"""{"pipeline":{"fullyQualifiedName":"svc.p"},"config":"jwtToken: {{Canary}}"}"""));
        await harness.ResultsAsync(1);

        var line = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("400", line.GetStructuredStateValue("Code"));
        Assert.DoesNotContain(Canary, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(line.StructuredState!, pair => pair.Value?.Contains(Canary, StringComparison.Ordinal) == true);
    }

    private static ControlPlaneOptions Options() => new() { OutboxCapacity = 64 };
}
