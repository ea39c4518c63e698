using System.Net.WebSockets;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.ControlPlane;

public sealed partial class ControlPlaneSession
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
                        await HandleAsync(MessageCodec.Decode(frame.Text), cancellationToken);
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
                Acknowledge(message);
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
                _services.Dispatcher.Dispatch(message);
                break;
        }
    }

    private void Acknowledge(Envelope message)
    {
        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.AckPayload, out var ack, out var reason))
        {
            Log.BadFrame(_services.Logger, "ack: " + reason);
            return;
        }

        var acked = _services.Outbox.Acknowledge(ack.Seq);
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

    private ValueTask SendErrorAsync(string reason, string? replyTo, CancellationToken cancellationToken)
    {
        var error = MessageCodec.Create(MessageTypes.Error, new ErrorPayload(reason), ProtocolJsonContext.Default.ErrorPayload, Time.GetUtcNow(), replyTo: replyTo);
        return _outgoing.Writer.WriteAsync(new OutgoingFrame(MessageCodec.Encode(error), null), cancellationToken);
    }
}
