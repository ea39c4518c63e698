using System.Text.Json;
using Agent.Gateway.Hosting;
using Agent.Gateway.Store;

namespace Agent.Gateway.Agents;

/// <summary>
/// Sends a request to an agent: through its session when it is connected here, through the replica bus when another
/// replica holds it, and answers not connected when none does.
/// </summary>
internal sealed class AgentLink(AgentSessions sessions, IAgentPresence presence, IReplicaBus bus, GatewayMetrics metrics, TimeProvider time) : IAgentLink
{
    public async Task<AgentReply> SendAsync(string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var reply = await RouteAsync(agentId, type, payload, wait, cancellationToken);
        metrics.RecordRequest(type, Outcome(reply), time.GetElapsedTime(started));
        return reply;
    }

    /// <summary>
    /// Serves a request another replica forwarded here. It is never forwarded again: if the agent left meanwhile, the
    /// answer is not connected, and the caller's replica decides what that means.
    /// </summary>
    public Task<AgentReply> ServeForwardedAsync(ForwardedRequest request, CancellationToken cancellationToken) =>
        sessions.FindWelcomed(request.AgentId) is { } session
            ? session.RequestAsync(request.Type, request.Payload, request.Wait, cancellationToken)
            : Task.FromResult(AgentReply.NotConnected(request.AgentId));

    private async Task<AgentReply> RouteAsync(string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (sessions.FindWelcomed(agentId) is { } session)
        {
            return await session.RequestAsync(type, payload, wait, cancellationToken);
        }

        var holder = await presence.WhereAsync(agentId, cancellationToken);
        return holder is not null && !string.Equals(holder, bus.ReplicaId, StringComparison.Ordinal)
            ? await bus.ForwardAsync(holder, agentId, type, payload, wait, cancellationToken)
            : AgentReply.NotConnected(agentId);
    }

    private static string Outcome(AgentReply reply) => reply.Kind switch
    {
        AgentReplyKind.Answered => reply.Result!.Ok ? "ok" : "failed",
        AgentReplyKind.TimedOut => "timed_out",
        _ => "not_connected",
    };
}
