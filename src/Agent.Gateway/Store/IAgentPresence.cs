namespace Agent.Gateway.Store;

/// <summary>
/// Which replica holds each agent's session, so a request reaching another replica can be forwarded. A claim lives as
/// long as its replica refreshes it (<see cref="ClaimAsync"/> again); one older than the store's presence bound counts
/// as absent, so a replica that crashed, or failed to release, does not keep the agent out of the others.
/// </summary>
internal interface IAgentPresence
{
    /// <summary>
    /// Claims (or refreshes) the agent for <paramref name="replicaId"/>; false when another replica holds a live claim,
    /// which is left as it is.
    /// </summary>
    Task<bool> ClaimAsync(string agentId, string replicaId, CancellationToken cancellationToken);

    /// <summary>Releases the claim only if <paramref name="replicaId"/> still holds it.</summary>
    Task ReleaseAsync(string agentId, string replicaId, CancellationToken cancellationToken);

    /// <summary>The replica with a live claim on the agent, or null.</summary>
    Task<string?> WhereAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Drops every claim of <paramref name="replicaId"/>: a replica starting holds no session yet.</summary>
    Task ReleaseAllAsync(string replicaId, CancellationToken cancellationToken);
}
