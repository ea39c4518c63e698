using System.Net.WebSockets;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Sessions;

internal sealed partial class AgentSession
{
    public ValueTask<bool> SendAsync(Envelope message) => EnqueueAsync(OutboundFrame.Text(MessageCodec.Encode(message)));

    public ValueTask<bool> SendErrorAsync(string reason, string? replyTo) =>
        SendAsync(MessageCodec.Create(
            MessageTypes.Error, new ErrorPayload(reason), ProtocolJsonContext.Default.ErrorPayload, _time.GetUtcNow(), replyTo: replyTo));

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var closeSent = false;
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                if (closeSent)
                {
                    continue;
                }

                closeSent = await WriteFrameAsync(frame, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // A dead socket ends the reader too; aborting makes sure it does not wait for a frame that never comes.
            _socket.Abort();
        }
    }

    /// <summary>Writes one frame; returns true when it was the close.</summary>
    private async Task<bool> WriteFrameAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        if (frame.Kind == OutboundKind.Close)
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, cancellationToken);
            }

            // An agent that never answers the close must not hold the session (and its agent id) forever.
            _lifetime.CancelAfter(TimeSpan.FromSeconds(_options.CloseTimeoutSeconds));
            return true;
        }

        await _socket.SendAsync(frame.Data, frame.MessageType, endOfMessage: true, cancellationToken);
        if (frame.Kind == OutboundKind.Text)
        {
            RecordFrame(FrameDirection.Sent, frame.Data);
        }

        return false;
    }
}
