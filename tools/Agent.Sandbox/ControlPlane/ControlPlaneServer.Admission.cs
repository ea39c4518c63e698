using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

internal sealed partial class ControlPlaneServer
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Runs the checks protocol §1 makes after the upgrade. A refused session is closed with the code, and still runs
    /// its loops so the close handshake completes and the agent reads the code instead of a broken pipe.
    /// </summary>
    internal async ValueTask AdmitAsync(AgentSession session, string? authorization)
    {
        var agent = session.Agent;
        var (code, reason) = Check(agent, authorization);
        if (code == 0 && !agent.TryClaim(session))
        {
            (code, reason) = (CloseCodes.DuplicateAgent, "another agent with this id is connected");
        }

        if (code == 0)
        {
            Stats.SessionOpened();
            return;
        }

        Stats.SessionRejected();
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
            || !string.Equals(authorization[BearerPrefix.Length..].Trim(), Options.Token, StringComparison.Ordinal))
        {
            return (CloseCodes.Unauthorized, "missing or invalid bearer token");
        }

        if (agent.AgentId.Length == 0)
        {
            return (CloseCodes.Unauthorized, "missing X-Agent-Id header");
        }

        if (Options.DisabledAgents.Contains(agent.AgentId, StringComparer.Ordinal))
        {
            return (CloseCodes.AgentDisabled, "agent disabled");
        }

        return (0, string.Empty);
    }
}
