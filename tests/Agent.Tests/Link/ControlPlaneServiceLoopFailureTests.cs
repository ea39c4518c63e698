using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agent.Tests.Link;

/// <summary>
/// A defect that throws inside a session loop (issue 12, finding 2: an exception the loop did not expect) ends the
/// session with the cause logged; the state leaves Connected, so /ready and the admin API tell the truth.
/// </summary>
public sealed class ControlPlaneServiceLoopFailureTests
{
    [Fact]
    public async Task ExecuteAsync_ReceiveLoopThrows_StateLeavesConnectedAndTheCauseIsLoggedAsAnError()
    {
        var logs = new FakeLogCollector();
        using var loggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]);
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new MaxJitterRandom(), loggerFactory: loggerFactory);
        using var pair = new InMemoryWebSocketPair();
        harness.Connector.Then(() => pair.Client);
        var left = new TaskCompletionSource<ConnectionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.State.Changed += snapshot =>
        {
            if (snapshot.Status is not (ConnectionStatus.Connecting or ConnectionStatus.Connected))
            {
                left.TrySetResult(snapshot);
            }
        };
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);
        var peer = new FakeControlPlanePeer(pair.Server, harness.Time);
        await peer.WelcomeAsync(heartbeatSeconds: 5, ackedSeq: 0, cancellation);
        await harness.Outbox.EnqueueAsync(MessageTypes.Result, JsonDocument.Parse("{}").RootElement.Clone(), "req-1", cancellation);
        await peer.WaitForAsync(MessageTypes.Result, cancellation);

        // The ack makes the receive loop raise DepthChanged, whose listener now fails as a defect would.
        harness.Outbox.DepthChanged += _ => throw new InvalidOperationException("probe: a failing depth listener");
        await peer.SendAsync(MessageTypes.Ack, new AckPayload(1), ProtocolJsonContext.Default.AckPayload, cancellation);
        var snapshot = await left.Task.WaitAsync(cancellation);
        await service.StopAsync(cancellation);

        Assert.Equal(ConnectionStatus.Disconnected, snapshot.Status);
        Assert.StartsWith("agent error in its receive loop", snapshot.LastCloseReason, StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), log => log.Level == LogLevel.Error && log.Id.Id == 1111 && log.Exception is InvalidOperationException);
    }
}
