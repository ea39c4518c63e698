using System.Net.WebSockets;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>
/// The reconnect loop's timing on a fake clock: no test sleeps. Each attempt is recorded at its fake time by the
/// fake connector, and the clock is advanced by exactly the wait the service armed, so the gaps between attempts
/// are the delays the service chose.
/// </summary>
public sealed class ControlPlaneServiceBackoffTests
{
    private const int CapSeconds = 10;
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task ExecuteAsync_ServerUnreachable_FirstRetryWithinOneSecondThenDoublingUpToTheCap()
    {
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new MaxJitterRandom(), CapSeconds);
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);

        var gaps = await RetryGapsAsync(harness, retries: 7, cancellation);

        await service.StopAsync(cancellation);
        Assert.InRange(gaps[0], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        double[] expectedCeilings = [1, 2, 4, 8, CapSeconds, CapSeconds, CapSeconds];
        for (var retry = 0; retry < gaps.Count; retry++)
        {
            AssertClose(TimeSpan.FromSeconds(expectedCeilings[retry] * MaxJitterRandom.Draw), gaps[retry]);
        }
    }

    [Fact]
    public async Task ExecuteAsync_SeededJitter_EachDelayIsWithinItsFullJitterCeiling()
    {
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new Random(20260101), CapSeconds);
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);

        var gaps = await RetryGapsAsync(harness, retries: 12, cancellation);

        await service.StopAsync(cancellation);
        for (var retry = 0; retry < gaps.Count; retry++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(CapSeconds, Math.Pow(2, retry)));
            Assert.InRange(gaps[retry], TimeSpan.Zero, ceiling + Tolerance);
        }

        // Full jitter: the delays at the cap are spread out, not all equal to it.
        Assert.True(gaps.Skip(4).Distinct().Count() > 1, "delays at the cap carry no jitter");
    }

    [Theory]
    [InlineData(CloseCodes.Unauthorized, ConnectionStatus.Refused)]
    [InlineData(CloseCodes.DuplicateAgent, ConnectionStatus.Standby)]
    [InlineData(CloseCodes.UnsupportedProtocolVersion, ConnectionStatus.Refused)]
    [InlineData(CloseCodes.AgentDisabled, ConnectionStatus.Refused)]
    public async Task ExecuteAsync_Refused_RetriesAtTheCapThenResumesTheNormalBackoff(int closeCode, object expectedValue)
    {
        var expected = (ConnectionStatus)expectedValue;
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new MaxJitterRandom(), CapSeconds);
        harness.Connector.Then(() => throw new ControlPlaneRefusedException(closeCode, "refused (fake)"));
        harness.Connector.Then(() => throw new ControlPlaneRefusedException(closeCode, "refused (fake)"));
        var states = new System.Collections.Concurrent.ConcurrentQueue<ConnectionSnapshot>();
        harness.State.Changed += states.Enqueue;
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);

        var gaps = await RetryGapsAsync(harness, retries: 3, cancellation);

        await service.StopAsync(cancellation);
        var ends = states.Where(s => s.Status is not (ConnectionStatus.Connecting or ConnectionStatus.Stopped)).ToList();
        Assert.Equal([expected, expected, ConnectionStatus.Disconnected], ends.Take(3).Select(s => s.Status));
        Assert.Equal(closeCode, ends[0].LastCloseCode);
        AssertClose(TimeSpan.FromSeconds(CapSeconds), gaps[0]);
        AssertClose(TimeSpan.FromSeconds(CapSeconds), gaps[1]);

        // The refusal has lifted (the server is now merely unreachable): back to the jittered, growing backoff.
        AssertClose(TimeSpan.FromSeconds(4 * MaxJitterRandom.Draw), gaps[2]);
    }

    [Fact]
    public async Task ExecuteAsync_SessionHealthyForAMinute_ResetsTheBackoff()
    {
        var (beforeReconnect, nextRetry) = await SessionThenRetriesAsync(TimeSpan.FromSeconds(61));

        Assert.InRange(beforeReconnect, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(nextRetry, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ExecuteAsync_SessionShorterThanAMinute_KeepsGrowingTheBackoff()
    {
        var (beforeReconnect, _) = await SessionThenRetriesAsync(TimeSpan.FromSeconds(30));

        // Three failed attempts came before the session, so the next retry is the fourth: ceiling 8 s.
        AssertClose(TimeSpan.FromSeconds(8 * MaxJitterRandom.Draw), beforeReconnect);
    }

    /// <summary>
    /// Three failed attempts, then a welcomed session of <paramref name="sessionLength"/> that the server closes
    /// normally, then failures again; returns the wait before the first attempt after the session and the one after it.
    /// </summary>
    private static async Task<(TimeSpan BeforeReconnect, TimeSpan NextRetry)> SessionThenRetriesAsync(TimeSpan sessionLength)
    {
        var time = new TimerRecordingTimeProvider();
        using var harness = new ControlPlaneHarness(time, new MaxJitterRandom(), reconnectDelaySeconds: 60);
        using var pair = new InMemoryWebSocketPair();
        harness.Connector.ThenFail();
        harness.Connector.ThenFail();
        harness.Connector.ThenFail();
        harness.Connector.Then(() => pair.Client);
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);
        await RetryGapsAsync(harness, retries: 3, cancellation);

        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(heartbeatSeconds: 60, ackedSeq: 0, cancellation);
        await time.WaitForSessionTimersAsync(TimeSpan.FromSeconds(60), cancellation);
        time.Advance(sessionLength);
        await peer.CloseAsync(WebSocketCloseStatus.NormalClosure, cancellation);
        await peer.Closed.WaitAsync(cancellation);
        var sessionEnded = time.GetUtcNow();

        // Skip the session's own timers (handshake 7 s, close 2 s, heartbeat and watchdog ≥ 60 s): the next one is the reconnect wait.
        var wait = await time.NextTimerAsync(IsReconnectWait, cancellation);
        time.Advance(wait);
        var reconnected = await harness.Connector.NextAttemptAsync(cancellation);
        var retry = await time.NextTimerAsync(IsReconnectWait, cancellation);
        time.Advance(retry);
        var retried = await harness.Connector.NextAttemptAsync(cancellation);

        await service.StopAsync(cancellation);
        return (reconnected - sessionEnded, retried - reconnected);
    }

    private static bool IsReconnectWait(TimeSpan due) =>
        due < TimeSpan.FromSeconds(60) && due != ControlPlaneHarness.HandshakeTimeout && due != TimeSpan.FromSeconds(2);

    /// <summary>Lets <paramref name="retries"/> attempts fail, advancing the clock by each armed wait; returns the gaps.</summary>
    private static async Task<List<TimeSpan>> RetryGapsAsync(ControlPlaneHarness harness, int retries, CancellationToken cancellationToken)
    {
        var previous = await harness.Connector.NextAttemptAsync(cancellationToken);
        var gaps = new List<TimeSpan>();
        for (var retry = 0; retry < retries; retry++)
        {
            var wait = await harness.Time.NextTimerAsync(IsReconnectWait, cancellationToken);
            harness.Time.Advance(wait);
            var attempt = await harness.Connector.NextAttemptAsync(cancellationToken);
            gaps.Add(attempt - previous);
            previous = attempt;
        }

        return gaps;
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - Tolerance, expected + Tolerance);
}
