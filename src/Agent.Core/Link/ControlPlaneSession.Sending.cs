using System.Net.WebSockets;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneSession
{
    private PendingHeartbeat? _pendingHeartbeat;

    /// <summary>The only code that writes to the socket, so frames never interleave.</summary>
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var closeSent = false;
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (closeSent)
                {
                    continue;
                }

                if (frame.IsGoingAway)
                {
                    // The reader stays open to receive the server's close in reply; nothing may be sent after a close.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "agent shutting down", cancellationToken);
                    closeSent = true;
                    continue;
                }

                await _socket.SendAsync(frame.Bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                _services.Progress.Beat(LoopProgress.Send);
                if (frame.Entry is { } entry)
                {
                    entry.SentTimestamp = Time.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another loop ended the session.
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Finish($"sending failed: {ex.Message}");
        }
    }

    /// <summary>
    /// Feeds the writer every reliable message above <paramref name="ackedSeq"/> in sequence order: first what
    /// the server has not processed yet (the resend of protocol §3), then each new one as it is enqueued.
    /// </summary>
    private async Task PumpOutboxAsync(long ackedSeq, CancellationToken cancellationToken)
    {
        var lastQueued = ackedSeq;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var (entries, moreAppended) = _services.Outbox.After(lastQueued);
                foreach (var entry in entries)
                {
                    await _outgoing.Writer.WriteAsync(new OutgoingFrame(entry.Frame, entry), cancellationToken);
                    lastQueued = entry.Seq;
                }

                if (entries.Count == 0)
                {
                    await moreAppended.WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another loop ended the session.
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, Time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var payload = new HeartbeatPayload(
                    _services.Runs.InFlightCount,
                    _services.Outbox.Depth,
                    (long)_services.Identity.Uptime.TotalSeconds);
                var message = MessageCodec.Create(MessageTypes.Heartbeat, payload, ProtocolJsonContext.Default.HeartbeatPayload, Time.GetUtcNow());
                Volatile.Write(ref _pendingHeartbeat, new PendingHeartbeat(message.Id, Time.GetTimestamp()));
                await _outgoing.Writer.WriteAsync(new OutgoingFrame(MessageCodec.Encode(message), null), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another loop ended the session.
        }
    }

    /// <summary>Ends the session once nothing at all has come from the server for three heartbeat intervals.</summary>
    private async Task WatchdogAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var limit = interval * 3;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var silentFor = Time.GetElapsedTime(Volatile.Read(ref _lastFrameTimestamp));
                if (silentFor >= limit)
                {
                    Finish($"silent: no frame from the control plane for {limit.TotalSeconds:0} s", silent: true);
                    return;
                }

                await Task.Delay(limit - silentFor, Time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another loop ended the session.
        }
    }

    private sealed record PendingHeartbeat(string Id, long SentTimestamp);
}
