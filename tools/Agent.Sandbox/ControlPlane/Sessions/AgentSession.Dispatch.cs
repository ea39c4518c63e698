using System.Net.WebSockets;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Sessions;

internal sealed partial class AgentSession
{
    private static readonly JsonElement EmptyPayload = JsonDocument.Parse("{}").RootElement.Clone();

    private async Task HandleFrameAsync(ReceivedFrame frame)
    {
        if (frame.Type == WebSocketMessageType.Text)
        {
            RecordFrame(FrameDirection.Received, frame.Data);
        }

        var decoded = frame.Type == WebSocketMessageType.Binary
            ? DecodeResult.Failure("binary frames are not part of the protocol; send UTF-8 JSON text frames")
            : MessageCodec.Decode(frame.Data);
        if (Hello is null)
        {
            await HandleHandshakeAsync(decoded);
            return;
        }

        if (!decoded.IsSuccess)
        {
            // Protocol §5: an unreadable frame is answered with an error, never with a disconnect.
            _services.Incidents.RecordViolation(this, decoded.Error.Reason);
            await SendErrorAsync(decoded.Error.Reason, decoded.Error.Id);
            return;
        }

        await DispatchAsync(decoded.Message);
    }

    private async Task DispatchAsync(Envelope message)
    {
        switch (message.Type)
        {
            case MessageTypes.Heartbeat:
                await HandleHeartbeatAsync(message);
                break;
            case MessageTypes.Result or MessageTypes.RunStatus:
                await HandleReliableAsync(message);
                break;
            case MessageTypes.Error:
                var reason = PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.ErrorPayload, out var error, out _)
                    ? error.Reason
                    : null;
                _services.Incidents.RecordError(this, message, reason);
                break;
            case MessageTypes.Hello:
                _services.Incidents.RecordViolation(this, "hello sent twice in one session");
                await SendErrorAsync("hello is only valid as the first message of a session", message.Id);
                break;
            default:
                ControlPlaneLog.UnknownMessageType(_logger, Agent.AgentId, message.Type);
                break;
        }
    }

    private async Task HandleHeartbeatAsync(Envelope message)
    {
        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.HeartbeatPayload, out var heartbeat, out var reason))
        {
            _services.Incidents.RecordViolation(this, reason);
        }

        _services.Lifecycle.Heartbeat(this, heartbeat);
        await SendAsync(MessageCodec.Create(
            MessageTypes.HeartbeatAck, EmptyPayload, ProtocolJsonContext.Default.JsonElement, _time.GetUtcNow(), replyTo: message.Id));
    }

    /// <summary>Processes a reliable message once per seq of this instance, then acknowledges cumulatively.</summary>
    private async Task HandleReliableAsync(Envelope message)
    {
        if (message.Seq is not { } seq)
        {
            _services.Incidents.RecordViolation(this, $"{message.Type} {message.Id} has no seq");
            _services.Reliable.Record(this, message);
            return;
        }

        var outcome = _services.Ledgers.Process(Hello!.InstanceId, seq);
        if (outcome.Gap)
        {
            _services.Incidents.RecordViolation(this, $"seq {seq} skips ahead of the processed high-water mark");
        }

        // The ack is queued (or suppressed) before the message is recorded, because recording is what wakes tests
        // waiting for it: a test that then changes the misbehaviour flags must not race this ack.
        if (!Agent.WithholdAcks)
        {
            await SendAckAsync(outcome.HighWater);
        }

        if (outcome.Duplicate)
        {
            _services.Stats.Duplicate();
        }
        else
        {
            _services.Reliable.Record(this, message);
        }
    }

    public ValueTask<bool> SendAckAsync(long seq) =>
        SendAsync(MessageCodec.Create(MessageTypes.Ack, new AckPayload(seq), ProtocolJsonContext.Default.AckPayload, _time.GetUtcNow()));
}
