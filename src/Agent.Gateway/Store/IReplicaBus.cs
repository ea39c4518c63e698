using System.Text.Json;
using Agent.Gateway.Agents;

namespace Agent.Gateway.Store;

/// <summary>
/// Carries a request to the replica that holds an agent's session and its reply back (PostgreSQL LISTEN/NOTIFY).
/// With the embedded SQLite store there is one replica and nothing to forward.
/// </summary>
internal interface IReplicaBus
{
    string ReplicaId { get; }

    Task<AgentReply> ForwardAsync(
        string replicaId, string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Set once by the agent hub: how this replica serves a request forwarded to it.</summary>
    void Serve(Func<ForwardedRequest, CancellationToken, Task<AgentReply>> handler);
}
