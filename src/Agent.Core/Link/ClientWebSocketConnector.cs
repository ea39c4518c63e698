using System.Net;
using System.Net.WebSockets;
using Agent.Core.Identity;
using Agent.Core.Protocol;
using Agent.Core.Tls;
using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>
/// Dials the control plane with the protocol's headers and subprotocol. A fresh <see cref="ClientWebSocket"/>
/// per attempt: a socket that failed once cannot be reused. The default proxy honours HTTPS_PROXY/NO_PROXY.
/// </summary>
internal sealed class ClientWebSocketConnector(IOptions<ControlPlaneOptions> options) : IControlPlaneConnector
{
    private readonly Lazy<ExtraTrust?> _trust = new(() =>
        string.IsNullOrWhiteSpace(options.Value.CaBundlePath) ? null : ExtraTrust.FromFile(options.Value.CaBundlePath));

    public async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + settings.AuthToken);
            socket.Options.SetRequestHeader("X-Agent-Id", settings.AgentId);
            socket.Options.SetRequestHeader("User-Agent", AgentIdentity.UserAgent);
            socket.Options.AddSubProtocol(ProtocolVersion.SubProtocol);

            // KeepAliveTimeout turns the unsolicited pongs into ping/pong, so a dead peer is noticed (.NET 9+).
            socket.Options.KeepAliveInterval = settings.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = settings.KeepAliveTimeout;
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.RemoteCertificateValidationCallback = ServerCertificateCheck.Create(_trust.Value, "SERVER_CA_BUNDLE_PATH");

            await socket.ConnectAsync(uri, cancellationToken);
            return socket;
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            socket.Dispose();
            throw new ControlPlaneRefusedException(CloseCodes.Unauthorized, $"control plane answered {(int)socket.HttpStatusCode} to the upgrade: {ex.Message}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
