namespace Agent.Gateway.Store;

/// <summary>Which replica holds each agent's session, so a request reaching another replica can be forwarded.</summary>
internal interface IAgentPresence
{
    Task ClaimAsync(string agentId, string replicaId, CancellationToken cancellationToken);

    /// <summary>Releases the claim only if <paramref name="replicaId"/> still holds it.</summary>
    Task ReleaseAsync(string agentId, string replicaId, CancellationToken cancellationToken);

    Task<string?> WhereAsync(string agentId, CancellationToken cancellationToken);
}
