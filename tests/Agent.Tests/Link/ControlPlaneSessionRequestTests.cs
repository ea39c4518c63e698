using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>
/// What the session knows of the rest of the agent: it hands requests to an <see cref="IRequestSink"/>, answers a
/// refused one itself, and heartbeats the count an <see cref="IRunsInFlight"/> gives. Fakes stand in for both.
/// </summary>
public sealed class ControlPlaneSessionRequestTests
{
    private const int HeartbeatSeconds = 5;

    [Fact]
    public async Task RunAsync_Request_IsHandedToTheSinkAsReceived()
    {
        var (harness, pair, peer, _, cancellation) = await StartWelcomedAsync();
        using var disposeHarness = harness;
        using var disposePair = pair;

        await SendTextAsync(pair, """{"type":"service.status","id":"req-1","payload":{}}""", cancellation);
        await ReceiveLoopPassedAsync(pair, peer, cancellation);

        var request = Assert.Single(harness.Requests.Received);
        Assert.Equal((MessageTypes.ServiceStatus, "req-1"), (request.Type, request.Id));
    }

    [Fact]
    public async Task RunAsync_SinkRefusesTheRequest_AnsweredWithAnErrorNamingTheBacklog()
    {
        var (harness, pair, peer, session, cancellation) = await StartWelcomedAsync();
        using var disposeHarness = harness;
        using var disposePair = pair;
        harness.Requests.Accepts = false;
        harness.Requests.RepliesWaitingForOutbox = 7;

        await SendTextAsync(pair, """{"type":"service.status","id":"req-1","payload":{}}""", cancellation);
        var error = await peer.WaitForAsync(MessageTypes.Error, cancellation);

        Assert.Equal("req-1", error.ReplyTo);
        Assert.StartsWith("agent overloaded: 7 answers wait", Reason(error), StringComparison.Ordinal);
        Assert.False(session.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_Heartbeat_ReportsTheRunsInFlight()
    {
        var (harness, pair, peer, _, cancellation) = await StartWelcomedAsync();
        using var disposeHarness = harness;
        using var disposePair = pair;
        harness.Runs.InFlightCount = 3;

        harness.Time.Advance(TimeSpan.FromSeconds(HeartbeatSeconds));
        var heartbeat = await peer.WaitForAsync(MessageTypes.Heartbeat, cancellation);

        Assert.Equal(3, heartbeat.Payload.Deserialize(ProtocolJsonContext.Default.HeartbeatPayload)!.InFlightRuns);
    }

    private static async Task<(ControlPlaneHarness, InMemoryWebSocketPair, FakeControlPlanePeer, Task<SessionEnd>, CancellationToken)> StartWelcomedAsync()
    {
        var time = new TimerRecordingTimeProvider();
        var harness = new ControlPlaneHarness(time, new MaxJitterRandom());
        var pair = new InMemoryWebSocketPair();
        var cancellation = UnitTimeouts.Token();
        var session = new ControlPlaneSession(pair.Client, harness.Services).RunAsync(harness.Hello.Create(), cancellation);
        var peer = new FakeControlPlanePeer(pair.Server, time);
        await peer.WelcomeAsync(HeartbeatSeconds, ackedSeq: 0, cancellation);
        await time.WaitForSessionTimersAsync(TimeSpan.FromSeconds(HeartbeatSeconds), cancellation);
        return (harness, pair, peer, session, cancellation);
    }

    /// <summary>The receive loop takes frames in order: once a later bad frame is answered, every earlier one was handled.</summary>
    private static async Task ReceiveLoopPassedAsync(InMemoryWebSocketPair pair, FakeControlPlanePeer peer, CancellationToken cancellationToken)
    {
        await SendTextAsync(pair, "not json", cancellationToken);
        await peer.WaitForAsync(MessageTypes.Error, cancellationToken);
    }

    private static Task SendTextAsync(InMemoryWebSocketPair pair, string text, CancellationToken cancellationToken) =>
        pair.Server.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static string Reason(Envelope error) => error.Payload.Deserialize(ProtocolJsonContext.Default.ErrorPayload)!.Reason;
}
