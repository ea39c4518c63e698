using System.Buffers;
using System.Net.WebSockets;

namespace Agent.Sandbox.ControlPlane.Sessions;

internal sealed partial class AgentSession
{
    private const int ReceiveChunkBytes = 16 * 1024;

    /// <summary>Reads until the agent closes; returns the agent's close status, or null when the socket just ended.</summary>
    private async Task<WebSocketCloseStatus?> ReadLoopAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        while (true)
        {
            var frame = await ReceiveMessageAsync(message, cancellationToken);
            if (frame is null)
            {
                return _socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
            }

            if (IsClosing)
            {
                continue;
            }

            if (frame.Value.TooBig)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "message exceeds the size limit");
                continue;
            }

            await HandleFrameAsync(frame.Value);
        }
    }

    /// <summary>
    /// Assembles one message from its fragments. A message over the limit is read to its end and discarded, so
    /// an agent cannot make the emulator buffer without bound (protocol §1).
    /// </summary>
    private async Task<ReceivedFrame?> ReceiveMessageAsync(ArrayBufferWriter<byte> message, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        var tooBig = false;
        while (true)
        {
            var chunk = message.GetMemory(ReceiveChunkBytes);
            var received = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (!tooBig)
            {
                message.Advance(received.Count);
                tooBig = message.WrittenCount > _options.MaxMessageBytes;
                if (tooBig)
                {
                    message.ResetWrittenCount();
                }
            }

            if (received.EndOfMessage)
            {
                return new ReceivedFrame(received.MessageType, message.WrittenMemory.ToArray(), tooBig);
            }
        }
    }
}
