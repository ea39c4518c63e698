using System.Net.WebSockets;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneSession
{
    /// <summary>
    /// Longest heartbeat interval taken from <c>welcome</c>: an hour. The silence watchdog waits three intervals and a
    /// timer cannot wait longer than about 49.7 days, so a value such as 5,000,000 s could never be honoured anyway.
    /// </summary>
    public const int MaxHeartbeatSeconds = 3600;

    /// <summary>Sends <c>hello</c> and waits for <c>welcome</c>; null when the session ended instead.</summary>
    private async Task<WelcomeMessage?> HandshakeAsync(HelloPayload hello, CancellationToken stoppingToken)
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

    private async Task<WelcomeMessage?> ReadWelcomeAsync(CancellationToken cancellationToken)
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

            var decoded = MessageCodec.Decode(frame.Text, _services.Options.MaxIdLength);
            if (decoded.IsSuccess && decoded.Message.Type == MessageTypes.Welcome)
            {
                return ReadWelcome(decoded.Message.Payload) is { } welcome ? new WelcomeMessage(decoded.Message.Id, welcome) : null;
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

    /// <summary>
    /// The <c>ackedSeq</c> to act on. One above every seq this process has issued, or below 0, cannot be true: taken as
    /// it is, everything sent later would count as acknowledged and never be resent. The agent says so in an
    /// <c>error</c> and takes the nearest possible value.
    /// </summary>
    private long AcceptAckedSeq(long ackedSeq, string welcomeId)
    {
        var lastSeq = _services.Outbox.LastSeq;
        if (ackedSeq >= 0 && ackedSeq <= lastSeq)
        {
            return ackedSeq;
        }

        var accepted = Math.Clamp(ackedSeq, 0, lastSeq);
        ComplainBeforeLoops($"welcome.ackedSeq {ackedSeq} is outside 0..{lastSeq}, the seqs this agent instance has issued; taken as {accepted}", welcomeId);
        return accepted;
    }

    /// <summary>The heartbeat interval to use: <c>welcome.heartbeatSeconds</c> within 1..<see cref="MaxHeartbeatSeconds"/>, else the nearest bound, said in an <c>error</c>.</summary>
    private int AcceptHeartbeatSeconds(int heartbeatSeconds, string welcomeId)
    {
        if (heartbeatSeconds is >= 1 and <= MaxHeartbeatSeconds)
        {
            return heartbeatSeconds;
        }

        var accepted = Math.Clamp(heartbeatSeconds, 1, MaxHeartbeatSeconds);
        ComplainBeforeLoops($"welcome.heartbeatSeconds {heartbeatSeconds} is outside 1..{MaxHeartbeatSeconds}; heartbeating every {accepted} s", welcomeId);
        return accepted;
    }

    /// <summary>
    /// Hands a release <c>welcome.serverVersion</c> to its listeners. One that is no release version is said in an
    /// <c>error</c> and not acted on: it names no image tag. An absent one changes nothing.
    /// </summary>
    private void AnnounceServerVersion(string? serverVersion, string welcomeId)
    {
        if (serverVersion is null)
        {
            return;
        }

        if (!ServerVersions.IsRelease(serverVersion))
        {
            ComplainBeforeLoops($"welcome.serverVersion '{serverVersion}' is not a release version x.y.z[.w]; ignored", welcomeId);
            return;
        }

        foreach (var listener in _services.ServerVersionListeners)
        {
            listener.ServerVersionAnnounced(serverVersion);
        }
    }

    /// <summary>Queues an <c>error</c> ahead of everything else; the queue is still empty, so it never waits.</summary>
    private void ComplainBeforeLoops(string reason, string replyTo)
    {
        Log.PeerValueOutOfRange(_services.Logger, reason);
        _outgoing.Writer.TryWrite(ErrorFrame(reason, replyTo));
    }

    private void FinishOnClose(Frame frame)
    {
        var code = (int?)frame.CloseStatus;
        var description = code is { } known ? CloseCodes.Describe(known) : "closed without a code";
        Finish(string.IsNullOrEmpty(frame.CloseDescription) ? description : $"{description} ({frame.CloseDescription})", code);
    }

    private sealed record WelcomeMessage(string Id, WelcomePayload Payload);
}
