using System.Buffers;
using System.Net.WebSockets;
using Agent.Core.Protocol;

namespace Agent.Gateway.Agents;

internal sealed partial class AgentSession
{
    private const int ReceiveChunkBytes = 16 * 1024;

    /// <summary>Reads until the agent closes; returns the agent's close status.</summary>
    private async Task<WebSocketCloseStatus?> ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        while (true)
        {
            if (await ReceiveMessageAsync(buffer, cancellationToken) is not { } frame)
            {
                return _socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
            }

            if (!IsClosing)
            {
                await HandleFrameAsync(frame);
            }
        }
    }

    /// <summary>
    /// Assembles one message from its fragments. One over the limit is read to its end and discarded, so an agent
    /// cannot make the gateway buffer without bound (protocol §1).
    /// </summary>
    private async Task<ReceivedFrame?> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        var tooBig = false;
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer.GetMemory(ReceiveChunkBytes), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (!tooBig)
            {
                buffer.Advance(received.Count);
                tooBig = buffer.WrittenCount > ProtocolVersion.DefaultMaxMessageBytes;
                if (tooBig)
                {
                    buffer.ResetWrittenCount();
                }
            }

            if (received.EndOfMessage)
            {
                return new ReceivedFrame(received.MessageType, buffer.WrittenMemory, tooBig);
            }
        }
    }

    private async Task HandleFrameAsync(ReceivedFrame frame)
    {
        var decoded = frame.TooBig
            ? DecodeResult.Failure($"message larger than {ProtocolVersion.DefaultMaxMessageBytes} bytes; it was discarded")
            : frame.Type == WebSocketMessageType.Binary
                ? DecodeResult.Failure("binary frames are not messages: send one JSON message per text frame")
                : MessageCodec.Decode(frame.Data);
        if (!decoded.IsSuccess)
        {
            // Protocol §8: an error answers it and the session carries on.
            AgentHubLog.BadFrame(_services.Logger, AgentId, decoded.Error.Reason);
            await SendErrorAsync(decoded.Error.Reason, decoded.Error.Id);
            return;
        }

        var message = decoded.Message;
        if (_hello is null)
        {
            await HandleHelloAsync(message);
            return;
        }

        switch (message.Type)
        {
            case MessageTypes.Heartbeat:
                await HandleHeartbeatAsync(message);
                break;
            case MessageTypes.Result or MessageTypes.RunStatus:
                await HandleReliableAsync(message);
                break;
            case MessageTypes.Error:
                AgentHubLog.AgentError(_services.Logger, AgentId, ErrorReason(message));
                break;
            default:
                // Protocol §8: a well-formed message of an unexpected type is not an error case.
                AgentHubLog.UnexpectedMessage(_services.Logger, AgentId, message.Type);
                break;
        }
    }

    private static string ErrorReason(Envelope message) =>
        PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.ErrorPayload, out var error, out _) ? error.Reason : "(no reason)";
}
