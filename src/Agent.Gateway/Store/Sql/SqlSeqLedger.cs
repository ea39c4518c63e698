namespace Agent.Gateway.Store.Sql;

/// <summary><see cref="ISeqLedger"/> over either backend; the upsert's WHERE keeps it monotonic under concurrent advances.</summary>
internal sealed class SqlSeqLedger(StoreDatabase database) : ISeqLedger
{
    public async Task<long> AckedAsync(string agentId, string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT acked_seq FROM seq_ledger WHERE agent_id = @agent_id AND instance_id = @instance_id",
            ("@agent_id", agentId), ("@instance_id", instanceId));
        return await command.ExecuteScalarAsync(cancellationToken) is long acked ? acked : 0;
    }

    public async Task AdvanceAsync(string agentId, string instanceId, long seq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO seq_ledger (agent_id, instance_id, acked_seq) VALUES (@agent_id, @instance_id, @seq)
            ON CONFLICT (agent_id, instance_id) DO UPDATE SET acked_seq = excluded.acked_seq
            WHERE seq_ledger.acked_seq < excluded.acked_seq
            """,
            cancellationToken, ("@agent_id", agentId), ("@instance_id", instanceId), ("@seq", seq));
    }
}
