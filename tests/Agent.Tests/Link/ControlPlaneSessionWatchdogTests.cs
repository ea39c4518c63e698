using System.Net.WebSockets;
using System.Text;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>
/// The silence watchdog of one session, over an in-memory socket pair on a fake clock. The test plays a server
/// that welcomes the agent and then says nothing; the agent's own heartbeats, read by the test, prove the session
/// is still alive at each step.
/// </summary>
public sealed class ControlPlaneSessionWatchdogTests
{
    private const int HeartbeatSeconds = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(HeartbeatSeconds);

    [Fact]
    public async Task RunAsync_ServerSilentAfterWelcome_EndsAtThreeHeartbeatIntervals()
    {
        var time = new TimerRecordingTimeProvider();
        using var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        using var pair = new InMemoryWebSocketPair();
        var cancellation = TestTimeouts.Token();
        var (session, peer) = await StartWelcomedAsync(harness, pair, cancellation);

        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);
        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(session.IsCompleted, "the session ended before three silent intervals");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var end = await session.WaitAsync(cancellation);

        Assert.StartsWith("silent", end.Reason, StringComparison.Ordinal);
        Assert.True(end.Welcomed);
        Assert.Null(end.CloseCode);
        Assert.Equal(3 * Interval, end.Duration);
    }

    [Fact]
    public async Task RunAsync_FrameArrivesWithinTheWindow_RestartsTheSilenceWindow()
    {
        var time = new TimerRecordingTimeProvider();
        using var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        using var pair = new InMemoryWebSocketPair();
        var cancellation = TestTimeouts.Token();
        var (session, peer) = await StartWelcomedAsync(harness, pair, cancellation);
        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);
        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);

        // At t = 10 s the server speaks once: unreadable text, which the agent must answer with an error frame.
        await pair.Server.SendAsync(Encoding.UTF8.GetBytes("not json"), WebSocketMessageType.Text, endOfMessage: true, cancellation);
        await peer.WaitForAsync(MessageTypes.Error, cancellation);

        // Past the first window (15 s): still alive, it heartbeats at 15 s and 20 s.
        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);
        await AdvanceAndReadHeartbeatAsync(time, peer, cancellation);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(session.IsCompleted, "the session ended before three silent intervals after the last frame");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var end = await session.WaitAsync(cancellation);

        Assert.StartsWith("silent", end.Reason, StringComparison.Ordinal);
        Assert.Equal(5 * Interval, end.Duration);
    }

    private static async Task<(Task<SessionEnd> Session, FakeControlPlanePeer Peer)> StartWelcomedAsync(
        ControlPlaneHarness harness, InMemoryWebSocketPair pair, CancellationToken cancellationToken)
    {
        var session = new ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), cancellationToken);
        var peer = new FakeControlPlanePeer(pair.Server, harness.Time);
        await peer.WelcomeAsync(HeartbeatSeconds, ackedSeq: 0, cancellationToken);

        // The silence window starts when the agent reads welcome; advance the clock only once its timers are armed.
        await harness.Time.WaitForSessionTimersAsync(Interval, cancellationToken);
        return (session, peer);
    }

    private static async Task<Envelope> AdvanceAndReadHeartbeatAsync(
        TimerRecordingTimeProvider time, FakeControlPlanePeer peer, CancellationToken cancellationToken)
    {
        time.Advance(Interval);
        return await peer.WaitForAsync(MessageTypes.Heartbeat, cancellationToken);
    }
}
