using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary><c>welcome.serverVersion</c> (protocol §3, addition): a release reaches the listeners, none changes nothing, anything else is answered with an error.</summary>
public sealed class ControlPlaneSessionServerVersionTests
{
    [Theory]
    [InlineData("1.13.3")]
    [InlineData("1.5.6.1")]
    [InlineData(null)]
    public async Task RunAsync_WelcomeWithReleaseServerVersionOrNone_HandedToListenersIfAny(string? version)
    {
        var (harness, pair, peer, time, cancellation) = await StartAsync(version);
        using var disposeHarness = harness;
        using var disposePair = pair;

        time.Advance(TimeSpan.FromSeconds(WelcomedSessions.HeartbeatSeconds));
        var first = await peer.Received.ReadAsync(cancellation);

        Assert.Equal(MessageTypes.Heartbeat, first.Type);
        Assert.Equal(version is null ? [] : [version], harness.ServerVersions.Announced);
    }

    [Theory]
    [InlineData("1.13.3-SNAPSHOT")]
    [InlineData("latest")]
    [InlineData("")]
    public async Task RunAsync_WelcomeWithServerVersionNotARelease_AnsweredWithAnErrorAndNotHandedOn(string version)
    {
        var (harness, pair, peer, time, cancellation) = await StartAsync(version);
        using var disposeHarness = harness;
        using var disposePair = pair;

        time.Advance(TimeSpan.FromSeconds(WelcomedSessions.HeartbeatSeconds));
        var error = await peer.Received.ReadAsync(cancellation);
        var heartbeat = await peer.Received.ReadAsync(cancellation);

        Assert.Equal(MessageTypes.Error, error.Type);
        Assert.Contains("serverVersion", WelcomedSessions.Reason(error), StringComparison.Ordinal);
        Assert.Equal(MessageTypes.Heartbeat, heartbeat.Type);
        Assert.Empty(harness.ServerVersions.Announced);
        Assert.Equal(ConnectionStatus.Connected, harness.State.Current.Status);
    }

    private static async Task<(ControlPlaneHarness, InMemoryWebSocketPair, FakeControlPlanePeer, TimerRecordingTimeProvider, CancellationToken)> StartAsync(string? serverVersion)
    {
        var time = new TimerRecordingTimeProvider();
        var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        var pair = new InMemoryWebSocketPair();
        var cancellation = TestTimeouts.Token();
        _ = new ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), cancellation);
        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(WelcomedSessions.HeartbeatSeconds, ackedSeq: 0, cancellation, serverVersion);
        await time.WaitForSessionTimersAsync(TimeSpan.FromSeconds(WelcomedSessions.HeartbeatSeconds), cancellation);
        return (harness, pair, peer, time, cancellation);
    }
}
