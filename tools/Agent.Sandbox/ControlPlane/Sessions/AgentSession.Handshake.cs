using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Sessions;

internal sealed partial class AgentSession
{
    private const int ProtocolErrorClose = 1002;

    private async Task HandleHandshakeAsync(DecodeResult decoded)
    {
        if (!decoded.IsSuccess || decoded.Message.Type != MessageTypes.Hello)
        {
            var reason = decoded.IsSuccess ? $"expected hello, got {decoded.Message.Type}" : decoded.Error.Reason;
            await RefuseHandshakeAsync(reason, decoded.Message?.Id ?? decoded.Error?.Id, ProtocolErrorClose);
            return;
        }

        var message = decoded.Message;
        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.HelloPayload, out var hello, out var payloadReason))
        {
            await RefuseHandshakeAsync(payloadReason, message.Id, ProtocolErrorClose);
            return;
        }

        if (!hello.ProtocolVersions.Contains(ProtocolVersion.Current))
        {
            _services.Incidents.RecordViolation(this, "hello offers no supported protocol version");
            await CloseAsync(CloseCodes.UnsupportedProtocolVersion, "protocol version not supported");
            return;
        }

        if (!string.Equals(hello.AgentId, Agent.AgentId, StringComparison.Ordinal))
        {
            await RefuseHandshakeAsync("hello.agentId does not match the X-Agent-Id header", message.Id, ProtocolErrorClose);
            return;
        }

        await WelcomeAsync(hello);
    }

    private async Task WelcomeAsync(HelloPayload hello)
    {
        var welcome = new WelcomePayload(
            SessionId, ProtocolVersion.Current, _options.HeartbeatSeconds, _services.Ledgers.HighWater(hello.InstanceId), _options.ServerVersion);
        Hello = hello;
        await SendAsync(MessageCodec.Create(MessageTypes.Welcome, welcome, ProtocolJsonContext.Default.WelcomePayload, _time.GetUtcNow()));

        // Only after welcome is queued may requests follow it, including those the agent missed while away.
        foreach (var request in _services.Lifecycle.Welcomed(this, hello))
        {
            await SendRequestAsync(request);
        }
    }

    /// <summary>Sends a request unless this session already carried it or it has been answered.</summary>
    public async ValueTask SendRequestAsync(PendingRequest request)
    {
        if (IsClosing || !request.TryMarkSent(SessionId))
        {
            return;
        }

        if (await SendAsync(request.Envelope))
        {
            _services.Requests.RecordSent(this, request);
        }
    }

    private async Task RefuseHandshakeAsync(string reason, string? replyTo, int closeCode)
    {
        _services.Incidents.RecordViolation(this, reason);
        await SendErrorAsync(reason, replyTo);
        await CloseAsync(closeCode, reason);
    }
}
