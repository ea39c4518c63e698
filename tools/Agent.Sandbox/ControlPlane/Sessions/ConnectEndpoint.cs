using Agent.Core.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>The agent-facing WebSocket endpoint, <c>GET /api/v1/agents/connect</c>.</summary>
internal static class ConnectEndpoint
{
    public const string AgentIdHeader = "X-Agent-Id";

    public static async Task<Results<EmptyHttpResult, BadRequest<string>>> HandleAsync(
        HttpContext context, AgentDirectory agents, SessionAdmission admission, SessionServices services, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.BadRequest("this endpoint only accepts WebSocket upgrades");
        }

        var subProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(ProtocolVersion.SubProtocol)
            ? ProtocolVersion.SubProtocol
            : null;

        // Auth is checked after accepting on purpose: a close code reaches the agent, an HTTP 401 on the upgrade does not.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol);
        var agentId = context.Request.Headers[AgentIdHeader].ToString().Trim();
        agents.RecordHandshake(agentId, context.Request.Headers.UserAgent.ToString(), subProtocol, context.Request.Headers.Authorization.FirstOrDefault());
        using var session = new AgentSession(socket, agents.Get(agentId), services);
        await admission.AdmitAsync(session, context.Request.Headers.Authorization.FirstOrDefault());

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await session.RunAsync(stopping.Token);
        return TypedResults.Empty;
    }
}
