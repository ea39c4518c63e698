using Agent.Core.Protocol;
using Agent.Gateway.Store;

namespace Agent.Gateway.Agents;

/// <summary>
/// The checks protocol §1 makes after the upgrade: a known agent with its token (else 4001), and no live session of
/// the same id on this replica or another (else 4002, so a stand-by agent waits for the active one to leave).
/// </summary>
internal sealed class SessionAdmission(IAgentCredentials credentials, AgentSessions sessions, IAgentPresence presence, IReplicaBus bus, ILogger<SessionAdmission> logger)
{
    private const string BearerPrefix = "Bearer ";
    private const int ServerError = 1011;

    /// <summary>True when the session may go on; otherwise it was closed with the code.</summary>
    public async Task<bool> AdmitAsync(AgentSession session, string authorization, CancellationToken cancellationToken)
    {
        var agentId = session.AgentId;
        var token = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : string.Empty;
        if (agentId.Length == 0 || token.Length == 0 || !credentials.Verify(agentId, token))
        {
            // One reason for every case: an unknown id and a wrong token are not told apart to the caller.
            return await RefuseAsync(session, CloseCodes.Unauthorized, "unknown agent or invalid token");
        }

        if (!sessions.TryReserve(session))
        {
            return await RefuseAsync(session, CloseCodes.DuplicateAgent, "another agent with this id is connected to this gateway");
        }

        string? holder;
        try
        {
            holder = await presence.WhereAsync(agentId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the store the gateway cannot tell a duplicate; the id is freed so the agent's retry is judged afresh.
            sessions.Remove(session);
            return await RefuseAsync(session, ServerError, $"the gateway's store does not answer ({ex.GetType().Name})");
        }

        if (holder is not null && !string.Equals(holder, bus.ReplicaId, StringComparison.Ordinal))
        {
            sessions.Remove(session);
            return await RefuseAsync(session, CloseCodes.DuplicateAgent, "another agent with this id is connected to another gateway replica");
        }

        return true;
    }

    private async Task<bool> RefuseAsync(AgentSession session, int code, string reason)
    {
        AgentHubLog.SessionRefused(logger, session.AgentId, code, reason);
        await session.RefuseAsync(code, reason);
        return false;
    }
}
