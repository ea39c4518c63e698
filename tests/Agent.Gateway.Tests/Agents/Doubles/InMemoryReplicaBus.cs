using System.Text.Json;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>One replica's end of a <see cref="ReplicaBusNetwork"/>; the payload crosses as text, as it would on the wire.</summary>
internal sealed class InMemoryReplicaBus(ReplicaBusNetwork network, string replicaId) : IReplicaBus
{
    private int _forwarded;

    public string ReplicaId => replicaId;

    public int Forwarded => Volatile.Read(ref _forwarded);

    public async Task<AgentReply> ForwardAsync(
        string replicaId, string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _forwarded);
        if (network.Find(replicaId) is not { } handler)
        {
            return AgentReply.NotConnected(agentId);
        }

        using var copy = JsonDocument.Parse(payload.GetRawText());
        return await handler(new ForwardedRequest(agentId, type, copy.RootElement.Clone(), wait), cancellationToken);
    }

    public void Serve(Func<ForwardedRequest, CancellationToken, Task<AgentReply>> handler) => network.Register(replicaId, handler);
}
