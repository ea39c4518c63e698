using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Link;

public class ReliableOutboxTests
{
    private static readonly JsonElement Payload = JsonDocument.Parse("""{"n":1}""").RootElement;

    [Fact]
    public async Task EnqueueAsync_Messages_GetIncreasingSeqFromOne()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());

        var first = await outbox.EnqueueAsync(MessageTypes.Result, Payload, "req-1", CancellationToken.None);
        var second = await outbox.EnqueueAsync(MessageTypes.RunStatus, Payload, null, CancellationToken.None);

        Assert.Equal(1, first.Seq);
        Assert.Equal(2, second.Seq);
        Assert.Equal("req-1", first.ReplyTo);
        Assert.Equal(2, outbox.Depth);
    }

    [Fact]
    public async Task EnqueueAsync_Message_FrameDecodesToSameEnvelope()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, "req-1", CancellationToken.None);

        var entry = Assert.Single(outbox.After(0).Entries);
        var decoded = MessageCodec.Decode(entry.Frame);

        Assert.True(decoded.IsSuccess);
        Assert.Equal(entry.Message.Id, decoded.Message.Id);
        Assert.Equal(1, decoded.Message.Seq);
        Assert.Equal("req-1", decoded.Message.ReplyTo);
    }

    [Fact]
    public async Task After_Seq_ReturnsLaterEntriesInOrder()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        }

        var (entries, _) = outbox.After(2);

        Assert.Equal([3L, 4L, 5L], entries.Select(entry => entry.Seq));
    }

    [Fact]
    public async Task Acknowledge_Seq_DropsEntriesUpToItCumulatively()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        }

        var acked = outbox.Acknowledge(3);

        Assert.NotNull(acked);
        Assert.Equal(3, acked.Seq);
        Assert.Equal(3, outbox.AckedSeq);
        Assert.Equal([4L, 5L], outbox.After(0).Entries.Select(entry => entry.Seq));
    }

    [Fact]
    public async Task Acknowledge_SeqAlreadyAcked_ReturnsNullAndKeepsHighestAck()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        outbox.Acknowledge(2);

        var again = outbox.Acknowledge(1);

        Assert.Null(again);
        Assert.Equal(2, outbox.AckedSeq);
        Assert.Equal(0, outbox.Depth);
    }

    [Fact]
    public async Task EnqueueAsync_OutboxFull_WaitsUntilAnAckFreesRoom()
    {
        using var outbox = new ReliableOutbox(2, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);

        var third = outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        Assert.Equal(2, outbox.Depth);

        outbox.Acknowledge(1);
        var message = await third.WaitAsync(TestTimeouts.Default);

        Assert.Equal(3, message.Seq);
        Assert.Equal([2L, 3L], outbox.After(0).Entries.Select(entry => entry.Seq));
    }

    [Fact]
    public async Task EnqueueAsync_OutboxFullAndCancelled_ThrowsWithoutAdding()
    {
        using var outbox = new ReliableOutbox(1, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var blocked = outbox.EnqueueAsync(MessageTypes.Result, Payload, null, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(TestTimeouts.Default));
        Assert.Equal(1, outbox.Depth);
    }

    [Fact]
    public async Task After_ThenEnqueue_CompletesMoreAppended()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        var (entries, more) = outbox.After(0);
        Assert.Empty(entries);
        Assert.False(more.IsCompleted);

        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);

        await more.WaitAsync(TestTimeouts.Default);
        Assert.Single(outbox.After(0).Entries);
        Assert.False(outbox.After(1).MoreAppended.IsCompleted);
    }

    [Fact]
    public async Task EnqueueAsync_Message_StampsTimeFromProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var outbox = new ReliableOutbox(16, time);

        var message = await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);

        Assert.Equal(time.GetUtcNow(), message.Ts);
    }

    [Fact]
    public async Task DepthChanged_EnqueueAndAck_ReportsDepth()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        var depths = new List<int>();
        outbox.DepthChanged += depths.Add;

        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        outbox.Acknowledge(2);

        Assert.Equal([1, 2, 0], depths);
    }

    [Fact]
    public async Task EnqueueAsync_WithReceipt_TheSeqIsThereBeforeTheMessageCanBeSent()
    {
        using var outbox = new ReliableOutbox(16, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.RunStatus, Payload, null, CancellationToken.None);
        var receipt = new OutboxReceipt();

        // The pump is woken by MoreAppended, on the enqueuing thread before EnqueueAsync returns; what it reads then is
        // what a fast server could already acknowledge.
        var seenBySender = outbox.After(1).MoreAppended.ContinueWith(
            _ => receipt.Seq, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var message = await outbox.EnqueueAsync(MessageTypes.Result, Payload, "req-1", receipt, CancellationToken.None);

        Assert.Equal(2, message.Seq);
        Assert.Equal(2, await seenBySender.WaitAsync(TestTimeouts.Default));
        Assert.True(receipt.IsSequenced);
    }

    [Fact]
    public async Task EnqueueAsync_WithReceiptOnAFullOutboxCancelled_ReceiptStaysUnsequenced()
    {
        using var outbox = new ReliableOutbox(1, new FakeTimeProvider());
        await outbox.EnqueueAsync(MessageTypes.Result, Payload, null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var receipt = new OutboxReceipt();

        var blocked = outbox.EnqueueAsync(MessageTypes.Result, Payload, "req-2", receipt, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(TestTimeouts.Default));
        Assert.False(receipt.IsSequenced);
        Assert.Equal(0, receipt.Seq);
    }
}
