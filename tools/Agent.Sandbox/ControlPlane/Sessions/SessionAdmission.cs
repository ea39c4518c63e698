using Agent.Core.Protocol;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>Decides whether a new session may go on: the checks protocol §1 makes after the upgrade.</summary>
internal sealed class SessionAdmission(IOptions<ControlPlaneOptions> options, ControlPlaneStats stats, ILogger<ControlPlaneServer> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Admits the session or closes it with the code. A refused session still runs its loops so the close handshake
    /// completes and the agent reads the code instead of a broken pipe.
    /// </summary>
    public async ValueTask AdmitAsync(AgentSession session, string? authorization)
    {
        var agent = session.Agent;
        var (code, reason) = Check(agent, authorization);
        if (code == 0 && !agent.TryClaim(session))
        {
            (code, reason) = (CloseCodes.DuplicateAgent, "another agent with this id is connected");
        }

        if (code == 0)
        {
            stats.SessionOpened();
            return;
        }

        stats.SessionRejected();
        ControlPlaneLog.ConnectionRejected(logger, agent.AgentId, code, reason);
        await session.CloseAsync(code, reason);
    }

    private (int Code, string Reason) Check(AgentState agent, string? authorization)
    {
        if (agent.RefuseCode is var refuse and not 0)
        {
            return (refuse, "refused by the sandbox");
        }

        if (authorization is null
            || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(authorization[BearerPrefix.Length..].Trim(), options.Value.Token, StringComparison.Ordinal))
        {
            return (CloseCodes.Unauthorized, "missing or invalid bearer token");
        }

        if (agent.AgentId.Length == 0)
        {
            return (CloseCodes.Unauthorized, "missing X-Agent-Id header");
        }

        if (options.Value.DisabledAgents.Contains(agent.AgentId, StringComparer.Ordinal))
        {
            return (CloseCodes.AgentDisabled, "agent disabled");
        }

        return (0, string.Empty);
    }
}
