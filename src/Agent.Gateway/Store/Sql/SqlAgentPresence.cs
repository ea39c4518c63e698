using Agent.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Store.Sql;

/// <summary>
/// <see cref="IAgentPresence"/> over either backend. A claim carries the instant its replica last made or refreshed
/// it; one older than <see cref="GatewayOptions.PresenceTtl"/> is read as absent and may be taken over. A release only
/// undoes its own replica's claim.
/// </summary>
internal sealed class SqlAgentPresence(StoreDatabase database, IOptions<GatewayOptions> options, TimeProvider timeProvider) : IAgentPresence
{
    private readonly TimeSpan _ttl = options.Value.PresenceTtl;

    public async Task<bool> ClaimAsync(string agentId, string replicaId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);

        // One statement, so two replicas claiming at once cannot both win: the row is written only when it is new,
        // already this replica's, or stale.
        var written = await connection.ExecuteAsync(
            """
            INSERT INTO agent_presence (agent_id, replica_id, claimed_at) VALUES (@agent_id, @replica_id, @claimed_at)
            ON CONFLICT (agent_id) DO UPDATE SET replica_id = excluded.replica_id, claimed_at = excluded.claimed_at
            WHERE agent_presence.replica_id = excluded.replica_id OR agent_presence.claimed_at < @stale_before
            """,
            cancellationToken, ("@agent_id", agentId), ("@replica_id", replicaId),
            ("@claimed_at", now.ToUnixTimeMilliseconds()), ("@stale_before", StaleBefore(now)));
        return written > 0;
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
        await using var command = connection.Command(
            "SELECT replica_id FROM agent_presence WHERE agent_id = @agent_id AND claimed_at >= @stale_before",
            ("@agent_id", agentId), ("@stale_before", StaleBefore(timeProvider.GetUtcNow())));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task ReleaseAllAsync(string replicaId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM agent_presence WHERE replica_id = @replica_id", cancellationToken, ("@replica_id", replicaId));
    }

    private long StaleBefore(DateTimeOffset now) => (now - _ttl).ToUnixTimeMilliseconds();
}
