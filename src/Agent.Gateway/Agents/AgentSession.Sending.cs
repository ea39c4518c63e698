using System.Net.WebSockets;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Agents;

internal sealed partial class AgentSession
{
    /// <summary>Queues a message behind everything already queued; false once the session is closing.</summary>
    private async ValueTask<bool> EnqueueAsync(OutgoingFrame frame)
    {
        if (frame.Message is not null && IsClosing)
        {
            return false;
        }

        try
        {
            await _outbound.Writer.WriteAsync(frame, _lifetime.Token);
            return true;
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }

    private ValueTask<bool> SendAsync<T>(string type, T payload, JsonTypeInfo<T> payloadType, string? replyTo = null) =>
        EnqueueAsync(new OutgoingFrame(MessageCodec.Create(type, payload, payloadType, _time.GetUtcNow(), replyTo: replyTo)));

    private ValueTask<bool> SendErrorAsync(string reason, string? replyTo) =>
        SendAsync(MessageTypes.Error, new ErrorPayload(reason), ProtocolJsonContext.Default.ErrorPayload, replyTo);

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (frame.Message is null)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, cancellationToken);
                    return;
                }

                await _socket.SendAsync(MessageCodec.Encode(frame.Message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone: stop reading too, the session is over.
            Interlocked.Exchange(ref _closeRequested, 1);
            await _lifetime.CancelAsync();
        }
    }

    /// <summary>
    /// Refuses the session at admission: sends the close code and waits briefly for the agent's close, so the agent
    /// reads the code rather than a broken connection.
    /// </summary>
    public async Task RefuseAsync(int code, string reason)
    {
        Interlocked.Exchange(ref _closeRequested, 1);
        using var bound = new CancellationTokenSource(CloseHandshakeTimeout, _time);
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, bound.Token);
            var discard = new byte[1024];
            while ((await _socket.ReceiveAsync(discard, bound.Token)).MessageType != WebSocketMessageType.Close)
            {
                // Whatever the agent sent before it read the close is not answered.
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The agent went away first: nothing more to say.
        }
    }
}
