using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>One session over an in-memory socket pair, welcomed by a <see cref="FakeControlPlanePeer"/>, its timers armed.</summary>
internal static class WelcomedSessions
{
    public const int HeartbeatSeconds = 5;

    public static async Task<(ControlPlaneHarness, InMemoryWebSocketPair, FakeControlPlanePeer, Task<SessionEnd>, CancellationToken)> StartAsync(long ackedSeq)
    {
        var time = new TimerRecordingTimeProvider();
        var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        var pair = new InMemoryWebSocketPair();
        var cancellation = TestTimeouts.Token();
        var session = new ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), cancellation);
        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(HeartbeatSeconds, ackedSeq, cancellation);
        await time.WaitForSessionTimersAsync(TimeSpan.FromSeconds(HeartbeatSeconds), cancellation);
        return (harness, pair, peer, session, cancellation);
    }

    /// <summary>Sends <paramref name="text"/> as the server, as it is: it may be anything but a protocol message.</summary>
    public static Task SendTextAsync(InMemoryWebSocketPair pair, string text, CancellationToken cancellationToken) =>
        pair.Server.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public static string Reason(Envelope error) => error.Payload.Deserialize(ProtocolJsonContext.Default.ErrorPayload)!.Reason;
}
