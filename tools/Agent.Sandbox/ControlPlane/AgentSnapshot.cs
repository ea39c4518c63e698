using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane;

/// <summary>An agent as the emulator knows it (<c>GET /sandbox/agents</c>); hello fields come from its last hello.</summary>
internal sealed record AgentSnapshot(
    string Id,
    bool Connected,
    string? SessionId,
    string? InstanceId,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastHeartbeatAt,
    HeartbeatPayload? LastHeartbeat,
    string? AgentVersion,
    IReadOnlyList<string> Capabilities,
    ExecutorInfo? Executor,
    int InventorySize,
    long AckedSeq,
    int Unanswered,
    bool Silent,
    bool WithholdAcks,
    int RefuseCode)
{
    public static AgentSnapshot From(AgentState agent, long ackedSeq)
    {
        var connection = agent.Connection;
        var last = agent.LastConnection;
        var hello = agent.LastHello;
        return new AgentSnapshot(
            agent.AgentId,
            connection is not null,
            last?.SessionId,
            hello?.InstanceId,
            last?.ConnectedAt,
            agent.LastHeartbeatAt,
            agent.LastHeartbeat,
            hello?.AgentVersion,
            hello?.Capabilities ?? [],
            hello?.Executor,
            hello?.Inventory.Count ?? 0,
            ackedSeq,
            agent.Unanswered.Count,
            agent.Silent,
            agent.WithholdAcks,
            agent.RefuseCode);
    }
}
