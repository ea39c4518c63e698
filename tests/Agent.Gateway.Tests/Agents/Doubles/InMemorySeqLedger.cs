using System.Collections.Concurrent;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>The highest processed seq per agent instance; never moves backwards.</summary>
internal sealed class InMemorySeqLedger : ISeqLedger
{
    private readonly ConcurrentDictionary<(string AgentId, string InstanceId), long> _acked = new();

    public Task<long> AckedAsync(string agentId, string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_acked.GetValueOrDefault((agentId, instanceId)));

    public Task AdvanceAsync(string agentId, string instanceId, long seq, CancellationToken cancellationToken)
    {
        _acked.AddOrUpdate((agentId, instanceId), seq, (_, current) => Math.Max(current, seq));
        return Task.CompletedTask;
    }
}
