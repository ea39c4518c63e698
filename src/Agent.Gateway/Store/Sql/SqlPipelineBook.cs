using System.Data.Common;

namespace Agent.Gateway.Store.Sql;

/// <summary><see cref="IPipelineBook"/> over either backend: one row per dag_id in <c>pipelines</c>.</summary>
internal sealed class SqlPipelineBook(StoreDatabase database) : IPipelineBook
{
    private const string Columns =
        "dag_id, pipeline_fqn, service_fqn, pipeline_type, agent_id, enabled, protected_payload, protected_config, deployed_at_ticks, delete_pending";

    // The WHERE makes the conflict check and the write one statement: a dag_id held by another FQN updates no row.
    private const string Upsert = $"""
        INSERT INTO pipelines ({Columns})
        VALUES (@dag_id, @pipeline_fqn, @service_fqn, @pipeline_type, @agent_id, @enabled, @protected_payload, @protected_config, @deployed_at_ticks, @delete_pending)
        ON CONFLICT (dag_id) DO UPDATE SET
            service_fqn = excluded.service_fqn, pipeline_type = excluded.pipeline_type, agent_id = excluded.agent_id,
            enabled = excluded.enabled, protected_payload = excluded.protected_payload, protected_config = excluded.protected_config,
            deployed_at_ticks = excluded.deployed_at_ticks, delete_pending = excluded.delete_pending
        WHERE pipelines.pipeline_fqn = excluded.pipeline_fqn
        """;

    public async Task<DeployedPipeline?> FindAsync(string dagId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM pipelines WHERE dag_id = @dag_id", cancellationToken, ("@dag_id", dagId));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<PipelineSave> SaveAsync(DeployedPipeline pipeline, CancellationToken cancellationToken)
    {
        // A holder removed between the refused write and the read leaves the dag_id free: write again.
        while (true)
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                var written = await connection.ExecuteAsync(Upsert, cancellationToken,
                    ("@dag_id", pipeline.DagId), ("@pipeline_fqn", pipeline.PipelineFqn), ("@service_fqn", pipeline.ServiceFqn),
                    ("@pipeline_type", pipeline.PipelineType), ("@agent_id", pipeline.AgentId), ("@enabled", pipeline.Enabled ? 1L : 0L),
                    ("@protected_payload", pipeline.ProtectedPayload), ("@protected_config", pipeline.ProtectedConfig),
                    ("@deployed_at_ticks", pipeline.DeployedAt.UtcTicks), ("@delete_pending", pipeline.DeletePending ? 1L : 0L));
                if (written > 0)
                {
                    return new PipelineSave(true);
                }
            }

            if (await FindAsync(pipeline.DagId, cancellationToken) is { } holder)
            {
                return new PipelineSave(false, holder);
            }
        }
    }

    public async Task SetEnabledAsync(string dagId, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE pipelines SET enabled = @enabled WHERE dag_id = @dag_id", cancellationToken,
            ("@enabled", enabled ? 1L : 0L), ("@dag_id", dagId));
    }

    public async Task<bool> RemoveAsync(string dagId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM pipelines WHERE dag_id = @dag_id", cancellationToken, ("@dag_id", dagId)) > 0;
    }

    public async Task MarkDeletePendingAsync(string dagId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE pipelines SET delete_pending = 1 WHERE dag_id = @dag_id", cancellationToken, ("@dag_id", dagId));
    }

    public Task<IReadOnlyList<DeployedPipeline>> PendingDeletesAsync(string agentId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM pipelines WHERE agent_id = @agent_id AND delete_pending = 1 ORDER BY dag_id",
            cancellationToken, ("@agent_id", agentId));

    public Task<IReadOnlyList<DeployedPipeline>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM pipelines ORDER BY dag_id", cancellationToken);

    private async Task<IReadOnlyList<DeployedPipeline>> QueryAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pipelines = new List<DeployedPipeline>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pipelines.Add(Read(reader));
        }

        return pipelines;
    }

    private static DeployedPipeline Read(DbDataReader reader) => new(
        DagId: reader.GetString(0),
        PipelineFqn: reader.GetString(1),
        ServiceFqn: reader.GetString(2),
        PipelineType: reader.GetString(3),
        AgentId: reader.GetString(4),
        Enabled: reader.GetInt64(5) != 0,
        ProtectedPayload: reader.GetString(6),
        ProtectedConfig: reader.GetString(7),
        DeployedAt: new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
        DeletePending: reader.GetInt64(9) != 0);
}
