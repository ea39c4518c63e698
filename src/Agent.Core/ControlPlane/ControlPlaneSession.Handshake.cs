using System.Net.WebSockets;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.ControlPlane;

public sealed partial class ControlPlaneSession
{
    /// <summary>Sends <c>hello</c> and waits for <c>welcome</c>; null when the session ended instead.</summary>
    private async Task<WelcomePayload?> HandshakeAsync(HelloPayload hello, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(_services.Options.HandshakeTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            var message = MessageCodec.Create(MessageTypes.Hello, hello, ProtocolJsonContext.Default.HelloPayload, Time.GetUtcNow());
            await _socket.SendAsync(MessageCodec.Encode(message), WebSocketMessageType.Text, endOfMessage: true, linked.Token);
            return await ReadWelcomeAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Finish($"no welcome within {_services.Options.HandshakeTimeout.TotalSeconds:0.#} s of hello");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Finish("agent shutting down");
        }
        catch (WebSocketException ex)
        {
            Finish($"connection failed during handshake: {ex.Message}");
        }

        return null;
    }

    private async Task<WelcomePayload?> ReadWelcomeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await _reader.ReadAsync(cancellationToken);
            MarkFrameReceived();
            if (frame.Kind == FrameKind.Close)
            {
                FinishOnClose(frame);
                return null;
            }

            if (frame.Kind != FrameKind.Text)
            {
                continue;
            }

            var decoded = MessageCodec.Decode(frame.Text);
            if (decoded.IsSuccess && decoded.Message.Type == MessageTypes.Welcome)
            {
                return ReadWelcome(decoded.Message.Payload);
            }

            if (decoded.IsSuccess && decoded.Message.Type == MessageTypes.Error)
            {
                Log.ServerError(_services.Logger, decoded.Message.Payload.ToString());
            }
        }
    }

    private WelcomePayload? ReadWelcome(JsonElement payload)
    {
        if (!PayloadReader.TryRead(payload, ProtocolJsonContext.Default.WelcomePayload, out var welcome, out var reason))
        {
            Finish("welcome could not be read: " + reason);
            return null;
        }

        if (welcome.ProtocolVersion != ProtocolVersion.Current)
        {
            Finish($"control plane chose protocol version {welcome.ProtocolVersion}; this agent speaks {ProtocolVersion.Current}", CloseCodes.UnsupportedProtocolVersion);
            return null;
        }

        return welcome;
    }

    private void FinishOnClose(Frame frame)
    {
        var code = (int?)frame.CloseStatus;
        var description = code is { } known ? CloseCodes.Describe(known) : "closed without a code";
        Finish(string.IsNullOrEmpty(frame.CloseDescription) ? description : $"{description} ({frame.CloseDescription})", code);
    }
}
