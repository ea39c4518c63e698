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
    [Fact]
    public async Task RunAsync_Request_IsHandedToTheSinkAsReceived()
    {
        var (harness, pair, peer, _, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: 0);
        using var disposeHarness = harness;
        using var disposePair = pair;

        await WelcomedSessions.SendTextAsync(pair, """{"type":"service.status","id":"req-1","payload":{}}""", cancellation);
        await ReceiveLoopPassedAsync(pair, peer, cancellation);

        var request = Assert.Single(harness.Requests.Received);
        Assert.Equal((MessageTypes.ServiceStatus, "req-1"), (request.Type, request.Id));
    }

    [Fact]
    public async Task RunAsync_SinkRefusesTheRequest_AnsweredWithAnErrorNamingTheBacklog()
    {
        var (harness, pair, peer, session, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: 0);
        using var disposeHarness = harness;
        using var disposePair = pair;
        harness.Requests.Accepts = false;
        harness.Requests.RepliesWaitingForOutbox = 7;

        await WelcomedSessions.SendTextAsync(pair, """{"type":"service.status","id":"req-1","payload":{}}""", cancellation);
        var error = await peer.WaitForAsync(MessageTypes.Error, cancellation);

        Assert.Equal("req-1", error.ReplyTo);
        Assert.StartsWith("agent overloaded: 7 answers wait", WelcomedSessions.Reason(error), StringComparison.Ordinal);
        Assert.False(session.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_Heartbeat_ReportsTheRunsInFlight()
    {
        var (harness, pair, peer, _, cancellation) = await WelcomedSessions.StartAsync(ackedSeq: 0);
        using var disposeHarness = harness;
        using var disposePair = pair;
        harness.Runs.InFlightCount = 3;

        harness.Time.Advance(TimeSpan.FromSeconds(WelcomedSessions.HeartbeatSeconds));
        var heartbeat = await peer.WaitForAsync(MessageTypes.Heartbeat, cancellation);

        Assert.Equal(3, heartbeat.Payload.Deserialize(ProtocolJsonContext.Default.HeartbeatPayload)!.InFlightRuns);
    }

    /// <summary>The receive loop takes frames in order: once a later bad frame is answered, every earlier one was handled.</summary>
    private static async Task ReceiveLoopPassedAsync(InMemoryWebSocketPair pair, FakeControlPlanePeer peer, CancellationToken cancellationToken)
    {
        await WelcomedSessions.SendTextAsync(pair, "not json", cancellationToken);
        await peer.WaitForAsync(MessageTypes.Error, cancellationToken);
    }
}
