using System.Collections.Concurrent;
using System.Threading.Channels;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>agent id → replica id, shared by the replicas of a test; releases are published for tests to await.</summary>
internal sealed class InMemoryPresence : IAgentPresence
{
    private readonly ConcurrentDictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly Channel<string> _released = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _claimed = Channel.CreateUnbounded<string>();

    /// <summary>Set to make every call fail, as an unreachable store does.</summary>
    public Exception? Failure { get; set; }

    public ChannelReader<string> Released => _released.Reader;

    /// <summary>Agents whose claim was made or refreshed, in order.</summary>
    public ChannelReader<string> Claimed => _claimed.Reader;

    /// <summary>No expiry here: a claim held by another replica is kept, as a live one is in the store.</summary>
    public Task<bool> ClaimAsync(string agentId, string replicaId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var holder = _holders.GetOrAdd(agentId, replicaId);
        _claimed.Writer.TryWrite(agentId);
        return Task.FromResult(string.Equals(holder, replicaId, StringComparison.Ordinal));
    }

    public Task ReleaseAllAsync(string replicaId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        foreach (var (agentId, _) in _holders.Where(pair => pair.Value == replicaId))
        {
            _holders.TryRemove(KeyValuePair.Create(agentId, replicaId));
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string agentId, string replicaId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (_holders.TryRemove(KeyValuePair.Create(agentId, replicaId)))
        {
            _released.Writer.TryWrite(agentId);
        }

        return Task.CompletedTask;
    }

    public Task<string?> WhereAsync(string agentId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return Task.FromResult(_holders.GetValueOrDefault(agentId));
    }

    private void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
