using Agent.Core.Protocol;

namespace Agent.Gateway.Agents;

/// <summary>The agents' WebSocket endpoint (protocol §1): upgrade, admission, then the session until it closes.</summary>
internal static class AgentConnectEndpoint
{
    public const string AgentIdHeader = "X-Agent-Id";

    /// <summary>Ping every 15 s; a peer that answers no ping for 20 s is dropped, as the agent does on its side (§1).</summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(20);

    public static async Task HandleAsync(HttpContext context, SessionAdmission admission, SessionServices services, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("this endpoint only accepts WebSocket upgrades", context.RequestAborted);
            return;
        }

        var subProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(ProtocolVersion.SubProtocol) ? ProtocolVersion.SubProtocol : null;

        // Admission is checked after accepting on purpose: a close code reaches the agent, an HTTP 401 on the upgrade
        // is only a failed connect to it.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = subProtocol,
            KeepAliveInterval = KeepAliveInterval,
            KeepAliveTimeout = KeepAliveTimeout,
        });
        var agentId = context.Request.Headers[AgentIdHeader].ToString().Trim();
        using var session = new AgentSession(socket, agentId, context.Connection.RemoteIpAddress, services);
        if (!await admission.AdmitAsync(session, context.Request.Headers.Authorization.ToString(), context.RequestAborted))
        {
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await session.RunAsync(stopping.Token);
    }
}
