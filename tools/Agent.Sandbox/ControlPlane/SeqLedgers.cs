using System.Collections.Concurrent;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The <see cref="ReliableLedger"/> of every agent instance. Keyed by <c>instanceId</c>, not agent id: seqs are
/// numbered per agent process, so a restarted agent starts a ledger of its own while a reconnect keeps its ledger.
/// </summary>
internal sealed class SeqLedgers
{
    private readonly ConcurrentDictionary<string, ReliableLedger> _ledgers = new(StringComparer.Ordinal);

    public SeqOutcome Process(string instanceId, long seq) =>
        _ledgers.GetOrAdd(instanceId, static _ => new ReliableLedger()).Process(seq);

    /// <summary>The highest seq of the instance processed so far; 0 for an instance never heard.</summary>
    public long HighWater(string instanceId) => _ledgers.TryGetValue(instanceId, out var ledger) ? ledger.HighWater : 0;

    /// <summary>The high-water mark of the agent's latest instance; 0 before its first hello.</summary>
    public long HighWaterOf(AgentState agent) => agent.LastHello is { } hello ? HighWater(hello.InstanceId) : 0;
}
