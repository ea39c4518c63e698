using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>What went wrong between an agent and the emulator: protocol violations the emulator saw and <c>error</c> messages the agent sent.</summary>
internal sealed class ProtocolIncidents(ControlPlaneStats stats, TimeProvider time, ILogger<ControlPlaneServer> logger)
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedError> _errors = [];
    private readonly List<ProtocolViolation> _violations = [];

    public IReadOnlyList<ReceivedError> GetErrors()
    {
        lock (_gate)
        {
            return [.. _errors];
        }
    }

    public IReadOnlyList<ProtocolViolation> GetViolations()
    {
        lock (_gate)
        {
            return [.. _violations];
        }
    }

    public void RecordViolation(AgentSession session, string reason)
    {
        stats.ProtocolViolation();
        ControlPlaneLog.Violation(logger, session.Agent.AgentId, reason);
        lock (_gate)
        {
            _violations.Add(new ProtocolViolation(session.Agent.AgentId, session.SessionId, reason, time.GetUtcNow()));
        }
    }

    public void RecordError(AgentSession session, Envelope message, string? reason)
    {
        stats.ErrorReceived();
        ControlPlaneLog.AgentError(logger, session.Agent.AgentId, reason);
        lock (_gate)
        {
            _errors.Add(new ReceivedError(session.Agent.AgentId, session.SessionId, message.Id, reason, time.GetUtcNow()));
        }
    }
}
