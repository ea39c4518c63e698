using System.Collections.Concurrent;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>What LISTEN/NOTIFY is to the PostgreSQL bus: the replicas' handlers, by replica id.</summary>
internal sealed class ReplicaBusNetwork
{
    private readonly ConcurrentDictionary<string, Func<ForwardedRequest, CancellationToken, Task<AgentReply>>> _handlers = new(StringComparer.Ordinal);

    public void Register(string replicaId, Func<ForwardedRequest, CancellationToken, Task<AgentReply>> handler) => _handlers[replicaId] = handler;

    public Func<ForwardedRequest, CancellationToken, Task<AgentReply>>? Find(string replicaId) => _handlers.GetValueOrDefault(replicaId);
}
