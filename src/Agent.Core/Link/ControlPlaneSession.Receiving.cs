using System.Net.WebSockets;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneSession
{
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var frame = await _reader.ReadAsync(cancellationToken);
                MarkFrameReceived();
                switch (frame.Kind)
                {
                    case FrameKind.Close:
                        FinishOnClose(frame);
                        return;
                    case FrameKind.Binary:
                        await SendErrorAsync("binary frames are not part of the protocol; send UTF-8 JSON text frames", null, cancellationToken);
                        break;
                    case FrameKind.Oversize:
                        await SendErrorAsync($"message of {frame.Size} bytes exceeds the limit of {_services.Options.MaxMessageBytes} bytes; it was discarded", null, cancellationToken);
                        break;
                    default:
                        await HandleAsync(MessageCodec.Decode(frame.Text, _services.Options.MaxIdLength), cancellationToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another loop ended the session.
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // A keep-alive timeout surfaces as OperationCanceledException("Aborted") wrapping a WebSocketException.
            Finish($"connection lost: {ex.Message}");
        }
    }

    private async ValueTask HandleAsync(DecodeResult decoded, CancellationToken cancellationToken)
    {
        if (!decoded.IsSuccess)
        {
            Log.BadFrame(_services.Logger, decoded.Error.Reason);
            await SendErrorAsync(decoded.Error.Reason, decoded.Error.Id, cancellationToken);
            return;
        }

        var message = decoded.Message;
        switch (message.Type)
        {
            case MessageTypes.Ack:
                await AcknowledgeAsync(message, cancellationToken);
                break;
            case MessageTypes.HeartbeatAck:
                HeartbeatAnswered(message);
                break;
            case MessageTypes.Error:
                Log.ServerError(_services.Logger, message.Payload.ToString());
                break;
            case MessageTypes.Welcome:
                break;
            default:
                if (!_services.Requests.Dispatch(message))
                {
                    await SendErrorAsync(
                        $"agent overloaded: {_services.Requests.RepliesWaitingForOutbox} answers wait for room in the full outbox; request not executed, send it again once results are acknowledged",
                        message.Id,
                        cancellationToken);
                }

                break;
        }
    }

    /// <summary>
    /// Applies an <c>ack</c>. One that cannot be read, or names a seq this agent instance never issued, is answered with an
    /// <c>error</c>: taken as it is, a seq above every issued one would mark messages not yet sent as acknowledged.
    /// </summary>
    private async ValueTask AcknowledgeAsync(Envelope message, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.AckPayload, out var ack, out var reason))
        {
            Log.BadFrame(_services.Logger, "ack: " + reason);
            await SendErrorAsync("ack: " + reason, message.Id, cancellationToken);
            return;
        }

        var lastSeq = _services.Outbox.LastSeq;
        if (ack.Seq < 1 || ack.Seq > lastSeq)
        {
            var problem = ack.Seq < 1
                ? $"ack 'seq' {ack.Seq} must be at least 1"
                : $"ack 'seq' {ack.Seq} is above {lastSeq}, the highest seq this agent instance has issued; acknowledging up to {lastSeq}";
            Log.PeerValueOutOfRange(_services.Logger, problem);
            await SendErrorAsync(problem, message.Id, cancellationToken);
        }

        var acked = _services.Outbox.Acknowledge(Math.Min(ack.Seq, lastSeq));
        if (acked is { SentTimestamp: > 0 })
        {
            _services.Metrics.ServerResponseTime.Observe(Time.GetElapsedTime(acked.SentTimestamp));
        }
    }

    private void HeartbeatAnswered(Envelope message)
    {
        var pending = Volatile.Read(ref _pendingHeartbeat);
        if (pending is not null && message.ReplyTo == pending.Id)
        {
            var roundTrip = Time.GetElapsedTime(pending.SentTimestamp);
            _services.Metrics.ServerResponseTime.Observe(roundTrip);
            _services.State.HeartbeatAnswered(roundTrip);
        }
    }

    private ValueTask SendErrorAsync(string reason, string? replyTo, CancellationToken cancellationToken) =>
        _outgoing.Writer.WriteAsync(ErrorFrame(reason, replyTo), cancellationToken);

    private OutgoingFrame ErrorFrame(string reason, string? replyTo)
    {
        var error = MessageCodec.Create(MessageTypes.Error, new ErrorPayload(reason), ProtocolJsonContext.Default.ErrorPayload, Time.GetUtcNow(), replyTo: replyTo);
        return new OutgoingFrame(MessageCodec.Encode(error), null);
    }
}
