using System.Text.Json;
using Agent.Core.Operations;

namespace Agent.Tests.Operations;

/// <summary>
/// Large answers to read-only requests (log pages) are not kept for replay: while the answer is on its way a repeat
/// is neither answered nor executed; once it is acknowledged, a repeat executes again. Everything else is replayed.
/// </summary>
public sealed class RequestDispatcherRetentionTests
{
    private static readonly JsonElement Large = JsonSerializer.SerializeToElement(new string('x', RequestDispatcher.ReplayableReadBytes + 1));
    private static readonly JsonElement Small = JsonSerializer.SerializeToElement("small");

    [Fact]
    public async Task Dispatch_LargeReadOnlyAnswer_IsNotKeptAndARepeatAfterItsAckExecutesAgain()
    {
        var read = Handler("logs", readOnly: true, Large);
        using var harness = new DispatcherHarness(32, read);
        var request = harness.Request("logs", "r-1");

        harness.Dispatcher.Dispatch(request);
        var first = Assert.Single(await harness.ResultsAsync(1));
        harness.Dispatcher.Dispatch(request);
        Assert.Equal(0, harness.Cache.Count);
        Assert.Equal(1, read.Calls);
        Assert.Single(harness.Outbox.After(0).Entries);

        harness.Outbox.Acknowledge(first.Seq!.Value);
        harness.Dispatcher.Dispatch(request);
        var second = (await harness.ResultsAsync(1))[0];

        Assert.Equal(2, read.Calls);
        Assert.Equal(request.Id, second.ReplyTo);
        Assert.Equal(first.Payload.GetRawText(), second.Payload.GetRawText());
    }

    [Fact]
    public async Task Dispatch_AcknowledgedAnswersRepeated_ReplaysSmallReadsAndLargeWritesButExecutesLargeReadsAgain()
    {
        var smallRead = Handler("status", readOnly: true, Small);
        var largeWrite = Handler("run", readOnly: false, Large);
        var largeRead = Handler("logs", readOnly: true, Large);
        using var harness = new DispatcherHarness(32, smallRead, largeWrite, largeRead);
        string[] types = ["status", "run", "logs"];
        foreach (var type in types)
        {
            harness.Dispatcher.Dispatch(harness.Request(type, "id-" + type));
        }

        var answers = await harness.ResultsAsync(3);
        harness.Outbox.Acknowledge(answers.Max(answer => answer.Seq!.Value));
        foreach (var type in types)
        {
            harness.Dispatcher.Dispatch(harness.Request(type, "id-" + type));
        }

        await harness.ResultsAsync(3);
        Assert.Equal((1, 1, 2), (smallRead.Calls, largeWrite.Calls, largeRead.Calls));
        Assert.Equal(2, harness.Cache.Count);
    }

    private static FakeOperationHandler Handler(string type, bool readOnly, JsonElement data) =>
        new(type) { IsReadOnly = readOnly, Answer = (_, _) => Task.FromResult(new OperationResult(200, Data: data)) };
}
