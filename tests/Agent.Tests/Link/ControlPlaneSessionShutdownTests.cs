using System.Net.WebSockets;

namespace Agent.Tests.Link;

/// <summary>Shutdown closes a welcomed session with 1001 and waits for the server's close, instead of aborting the socket.</summary>
public sealed class ControlPlaneSessionShutdownTests
{
    [Fact]
    public async Task RunAsync_Stopping_SendsGoingAwayAndEndsOnTheServersClose()
    {
        var time = new TimerRecordingTimeProvider();
        using var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        using var pair = new InMemoryWebSocketPair();
        using var stopping = new CancellationTokenSource();
        var cancellation = TestTimeouts.Token();
        var session = new Agent.Core.Link.ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), stopping.Token);
        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(heartbeatSeconds: 5, ackedSeq: 0, cancellation);
        await time.WaitForSessionTimersAsync(TimeSpan.FromSeconds(5), cancellation);

        await stopping.CancelAsync();
        var agentClose = await peer.Closed.WaitAsync(cancellation);
        await pair.Server.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, null, cancellation);
        var end = await session.WaitAsync(cancellation);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, agentClose);
        Assert.True(end.Stopping);
        Assert.Equal("agent shutting down", end.Reason);
        Assert.Equal(WebSocketState.Closed, pair.Client.State);
    }
}
