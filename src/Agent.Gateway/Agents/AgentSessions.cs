using System.Collections.Concurrent;
using Agent.Gateway.Hosting;

namespace Agent.Gateway.Agents;

/// <summary>
/// The sessions this replica holds, one per agent id: reserved at admission (so a second connection is refused with
/// 4002), visible once welcomed, released when they end.
/// </summary>
internal sealed class AgentSessions(GatewayMetrics metrics, IHostApplicationLifetime lifetime, ILogger<AgentSessions> logger) : IConnectedAgents
{
    private readonly ConcurrentDictionary<string, AgentSession> _sessions = new(StringComparer.Ordinal);

    public event Func<string, CancellationToken, Task>? AgentWelcomed;

    public IReadOnlyList<ConnectedAgent> Sessions => [.. _sessions.Values.Select(session => session.Snapshot()).OfType<ConnectedAgent>()];

    /// <summary>The sessions whose presence claim is stored, for <see cref="PresenceKeeper"/> to refresh.</summary>
    public IReadOnlyList<AgentSession> Claimed => [.. _sessions.Values.Where(session => session.HasClaimed && !session.IsClosing)];

    public bool TryReserve(AgentSession session) => _sessions.TryAdd(session.AgentId, session);

    public void Remove(AgentSession session)
    {
        _sessions.TryRemove(KeyValuePair.Create(session.AgentId, session));
        metrics.SetConnectedAgents(_sessions.Values.Count(s => s.IsWelcomed));
    }

    /// <summary>The agent's session here, if it is welcomed and not closing.</summary>
    public AgentSession? FindWelcomed(string agentId) =>
        _sessions.TryGetValue(agentId, out var session) && session.IsWelcomed ? session : null;

    /// <summary>
    /// Counts the session and starts the <see cref="AgentWelcomed"/> handlers off the session's reader loop: they may
    /// send requests to this very agent, whose answers that loop must be free to read.
    /// </summary>
    public void Welcomed(AgentSession session)
    {
        metrics.SetConnectedAgents(_sessions.Values.Count(s => s.IsWelcomed));
        foreach (var handler in AgentWelcomed?.GetInvocationList().Cast<Func<string, CancellationToken, Task>>() ?? [])
        {
            _ = Task.Run(() => RunHandlerAsync(handler, session.AgentId));
        }
    }

    /// <summary>
    /// Frees the id, then this replica's presence claim. Should a new session of the agent have claimed in between,
    /// the release (which only checks the replica) removed its claim too, so it is put back.
    /// </summary>
    public async Task EndedAsync(AgentSession session)
    {
        Remove(session);
        if (!session.HasClaimed)
        {
            return;
        }

        var presence = session.Presence;
        await presence.ReleaseAsync(session.AgentId, session.ReplicaId, CancellationToken.None);
        if (_sessions.TryGetValue(session.AgentId, out var newer) && newer != session && newer.HasClaimed)
        {
            await presence.ClaimAsync(session.AgentId, session.ReplicaId, CancellationToken.None);
        }
    }

    private async Task RunHandlerAsync(Func<string, CancellationToken, Task> handler, string agentId)
    {
        try
        {
            await handler(agentId, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            AgentHubLog.WelcomedHandlerFailed(logger, agentId, ex);
        }
    }
}
