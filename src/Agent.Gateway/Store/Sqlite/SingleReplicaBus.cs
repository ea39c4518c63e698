using System.Text.Json;
using Agent.Gateway.Agents;
using Agent.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Store.Sqlite;

/// <summary>
/// The bus of the embedded store: one replica, so an agent not connected here is not connected anywhere and nothing is
/// ever forwarded to this replica.
/// </summary>
internal sealed class SingleReplicaBus(IOptions<GatewayOptions> options) : IReplicaBus
{
    public string ReplicaId => options.Value.ReplicaId;

    public Task<AgentReply> ForwardAsync(
        string replicaId, string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken) =>
        Task.FromResult(AgentReply.NotConnected(agentId));

    public void Serve(Func<ForwardedRequest, CancellationToken, Task<AgentReply>> handler)
    {
        // Nothing arrives here from another replica; the hub's own agents are served directly.
    }
}
