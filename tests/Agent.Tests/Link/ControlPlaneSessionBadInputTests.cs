using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>
/// One session fed values at and beyond the limits of what it reads (protocol §8 and issue 12, finding 2): each is
/// answered with an <c>error</c> and the session carries on, proven by the heartbeat that follows on the fake clock.
/// </summary>
public sealed class ControlPlaneSessionBadInputTests
{
    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(15, 15, false)]
    [InlineData(ControlPlaneSession.MaxHeartbeatSeconds, ControlPlaneSession.MaxHeartbeatSeconds, false)]
    [InlineData(0, 1, true)]
    [InlineData(-1, 1, true)]
    [InlineData(int.MinValue, 1, true)]
    [InlineData(ControlPlaneSession.MaxHeartbeatSeconds + 1, ControlPlaneSession.MaxHeartbeatSeconds, true)]
    [InlineData(5_000_000, ControlPlaneSession.MaxHeartbeatSeconds, true)]
    [InlineData(int.MaxValue, ControlPlaneSession.MaxHeartbeatSeconds, true)]
    public async Task RunAsync_WelcomeHeartbeatSeconds_OutOfRangeAnsweredWithAnErrorAndTheNearestIntervalUsed(
        int heartbeatSeconds, int usedSeconds, bool answeredWithError)
    {
        var time = new TimerRecordingTimeProvider();
        using var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        using var pair = new InMemoryWebSocketPair();
        var cancellation = TestTimeouts.Token();
        var session = new ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), cancellation);
        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(heartbeatSeconds, ackedSeq: 0, cancellation);
        var interval = TimeSpan.FromSeconds(usedSeconds);
        await time.WaitForSessionTimersAsync(interval, cancellation);

        time.Advance(interval);
        var first = await peer.Received.ReadAsync(cancellation);

        if (answeredWithError)
        {
            Assert.Equal(MessageTypes.Error, first.Type);
            Assert.Contains("heartbeatSeconds", WelcomedSessions.Reason(first), StringComparison.Ordinal);
            first = await peer.Received.ReadAsync(cancellation);
        }

        Assert.Equal(MessageTypes.Heartbeat, first.Type);
        Assert.False(session.IsCompleted);
        Assert.Equal(ConnectionStatus.Connected, harness.State.Current.Status);
    }

    [Fact]
    public async Task RunAsync_WelcomeAckedSeqAboveAnythingSent_AnsweredWithAnErrorAndLaterResultsStillDelivered()
    {
        var (harness, pair, peer, session, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: long.MaxValue);
        using var disposeHarness = harness;
        using var disposePair = pair;

        var error = await peer.WaitForAsync(MessageTypes.Error, cancellation);
        await harness.Outbox.EnqueueAsync(MessageTypes.Result, EmptyPayload(), "req-1", cancellation);
        var result = await peer.WaitForAsync(MessageTypes.Result, cancellation);

        Assert.Contains("ackedSeq", WelcomedSessions.Reason(error), StringComparison.Ordinal);
        Assert.Equal(1, result.Seq);
        Assert.False(session.IsCompleted);
    }

    [Theory]
    [InlineData("9223372036854775807", "above")]
    [InlineData("-1", "seq")]
    [InlineData("9223372036854775808", "seq")]
    [InlineData("1.5", "seq")]
    [InlineData("\"7\"", "seq")]
    public async Task RunAsync_AckSeqOutOfRangeOrUnreadable_AnsweredWithAnErrorAndNothingLost(string seq, string expectedInReason)
    {
        var (harness, pair, peer, session, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: 0);
        using var disposeHarness = harness;
        using var disposePair = pair;
        await harness.Outbox.EnqueueAsync(MessageTypes.Result, EmptyPayload(), "req-1", cancellation);
        await peer.WaitForAsync(MessageTypes.Result, cancellation);

        await WelcomedSessions.SendTextAsync(pair, """{"type":"ack","id":"ack-1","payload":{"seq":""" + seq + "}}", cancellation);
        var error = await peer.WaitForAsync(MessageTypes.Error, cancellation);
        await harness.Outbox.EnqueueAsync(MessageTypes.Result, EmptyPayload(), "req-2", cancellation);
        var second = await peer.WaitForAsync(MessageTypes.Result, cancellation);

        Assert.Contains(expectedInReason, WelcomedSessions.Reason(error), StringComparison.Ordinal);
        Assert.Equal("ack-1", error.ReplyTo);
        Assert.Equal(2, second.Seq);
        Assert.False(session.IsCompleted);
    }

    [Theory]
    [InlineData("""{"id":"\ud800","type":"service.status","payload":{}}""")]
    [InlineData("""{"id":"req-1","type":"\udc00","payload":{}}""")]
    [InlineData("""{"id":"req-1","type":"heartbeat.ack","replyTo":"\ud800\ud800"}""")]
    public async Task RunAsync_LoneSurrogateEscape_AnsweredWithAnErrorAndTheSessionStaysUp(string frame)
    {
        var (harness, pair, peer, session, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: 0);
        using var disposeHarness = harness;
        using var disposePair = pair;

        await WelcomedSessions.SendTextAsync(pair, frame, cancellation);
        var error = await peer.WaitForAsync(MessageTypes.Error, cancellation);
        harness.Time.Advance(TimeSpan.FromSeconds(WelcomedSessions.HeartbeatSeconds));
        await peer.WaitForAsync(MessageTypes.Heartbeat, cancellation);

        Assert.Contains("not valid text", WelcomedSessions.Reason(error), StringComparison.Ordinal);
        Assert.False(session.IsCompleted);
        Assert.Equal(ConnectionStatus.Connected, harness.State.Current.Status);
    }

    private static JsonElement EmptyPayload() => JsonDocument.Parse("{}").RootElement.Clone();
}
