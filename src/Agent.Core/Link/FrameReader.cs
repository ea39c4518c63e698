using System.Buffers;
using System.Net.WebSockets;

namespace Agent.Core.Link;

/// <summary>
/// Reads whole messages from a WebSocket with a size limit enforced while reading: the bytes of an oversize
/// message are received and discarded, so a hostile peer can never make the agent buffer more than the limit.
/// </summary>
internal sealed class FrameReader(WebSocket socket, int maxMessageBytes)
{
    private const int ChunkSize = 16 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkSize);

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        long size = 0;
        var oversize = false;
        while (true)
        {
            var memory = oversize ? _buffer.GetMemory(ChunkSize)[..ChunkSize] : _buffer.GetMemory(ChunkSize);
            var received = await socket.ReceiveAsync(memory, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return new Frame(FrameKind.Close, default, 0, socket.CloseStatus, socket.CloseStatusDescription);
            }

            size += received.Count;
            if (!oversize && size > maxMessageBytes)
            {
                oversize = true;
                _buffer.ResetWrittenCount();
            }

            if (!oversize)
            {
                _buffer.Advance(received.Count);
            }

            if (received.EndOfMessage)
            {
                return Complete(received.MessageType, size, oversize);
            }
        }
    }

    private Frame Complete(WebSocketMessageType type, long size, bool oversize)
    {
        if (oversize)
        {
            return new Frame(FrameKind.Oversize, default, size, null, null);
        }

        return type == WebSocketMessageType.Binary
            ? new Frame(FrameKind.Binary, default, size, null, null)
            : new Frame(FrameKind.Text, _buffer.WrittenMemory, size, null, null);
    }
}
