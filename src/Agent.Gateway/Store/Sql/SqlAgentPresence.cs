namespace Agent.Gateway.Store.Sql;

/// <summary><see cref="IAgentPresence"/> over either backend: the latest claim wins; a release only undoes its own claim.</summary>
internal sealed class SqlAgentPresence(StoreDatabase database, TimeProvider timeProvider) : IAgentPresence
{
    public async Task ClaimAsync(string agentId, string replicaId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO agent_presence (agent_id, replica_id, claimed_at) VALUES (@agent_id, @replica_id, @claimed_at)
            ON CONFLICT (agent_id) DO UPDATE SET replica_id = excluded.replica_id, claimed_at = excluded.claimed_at
            """,
            cancellationToken, ("@agent_id", agentId), ("@replica_id", replicaId),
            ("@claimed_at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    public async Task ReleaseAsync(string agentId, string replicaId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM agent_presence WHERE agent_id = @agent_id AND replica_id = @replica_id",
            cancellationToken, ("@agent_id", agentId), ("@replica_id", replicaId));
    }

    public async Task<string?> WhereAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT replica_id FROM agent_presence WHERE agent_id = @agent_id", ("@agent_id", agentId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
