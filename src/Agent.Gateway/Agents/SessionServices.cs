using Agent.Gateway.Store;

namespace Agent.Gateway.Agents;

/// <summary>What every <see cref="AgentSession"/> uses, gathered so a session takes one dependency.</summary>
internal sealed class SessionServices(
    AgentSessions sessions,
    IRunBook runs,
    ISeqLedger ledger,
    IAgentPresence presence,
    IReplicaBus bus,
    TimeProvider time,
    ILogger<AgentSession> logger)
{
    public AgentSessions Sessions { get; } = sessions;

    public IRunBook Runs { get; } = runs;

    public ISeqLedger Ledger { get; } = ledger;

    public IAgentPresence Presence { get; } = presence;

    /// <summary>Its <see cref="IReplicaBus.ReplicaId"/> names this replica in presence claims.</summary>
    public IReplicaBus Bus { get; } = bus;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}
