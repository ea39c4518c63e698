using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>What the emulator does when a session is welcomed, hears a heartbeat, and ends.</summary>
internal sealed class SessionLifecycle(RunReconciler reconciler, ControlPlaneStats stats, TimeProvider time, ILogger<ControlPlaneServer> logger)
{
    /// <summary>Marks the agent welcomed and returns the requests it has not answered yet, oldest first.</summary>
    public IEnumerable<PendingRequest> Welcomed(AgentSession session, HelloPayload hello)
    {
        // Asked before the session is marked welcomed: marking replaces the last hello the reconciler compares with.
        var reconcile = reconciler.RequestFor(session.Agent, hello);
        session.Agent.MarkWelcomed(session, hello, time.GetUtcNow());
        ControlPlaneLog.AgentWelcomed(logger, hello.AgentId, session.SessionId, hello.InstanceId, hello.AgentVersion);
        var missed = session.Agent.Unanswered.Values.Where(r => r != reconcile).OrderBy(r => r.CreatedAt);
        return reconcile is null ? [.. missed] : [reconcile, .. missed];
    }

    public void Heartbeat(AgentSession session, HeartbeatPayload? heartbeat)
    {
        stats.HeartbeatReceived();
        session.Agent.RecordHeartbeat(heartbeat, time.GetUtcNow());
    }

    public void Ended(AgentSession session) => ControlPlaneLog.SessionEnded(logger, session.Agent.AgentId, session.SessionId);
}
