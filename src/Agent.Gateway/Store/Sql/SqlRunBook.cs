using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Store.Sql;

/// <summary>
/// <see cref="IRunBook"/> over either backend: one row per run id, the newest <see cref="KeptPerPipeline"/> runs of each
/// pipeline kept (OpenMetadata reads at most 10; the rest is margin for out-of-order reports).
/// </summary>
internal sealed class SqlRunBook(StoreDatabase database) : IRunBook
{
    public const int KeptPerPipeline = 50;

    private const string Newest = "ORDER BY COALESCE(start_date, reported_at) DESC, reported_at DESC, run_id DESC";

    // A report replaces the row when it is newer, except that a finished run never goes back to running; a finished
    // report beats an unfinished one whatever its timestamp (the agent's watcher and its run starter race).
    private const string Upsert = """
        INSERT INTO runs (run_id, pipeline_fqn, agent_id, workflow_name, pipeline_state, finished, reported_at, start_date, end_date, message)
        VALUES (@run_id, @pipeline_fqn, @agent_id, @workflow_name, @pipeline_state, @finished, @reported_at, @start_date, @end_date, @message)
        ON CONFLICT (run_id) DO UPDATE SET
            pipeline_fqn = excluded.pipeline_fqn, agent_id = excluded.agent_id, workflow_name = excluded.workflow_name,
            pipeline_state = excluded.pipeline_state, finished = excluded.finished, reported_at = excluded.reported_at,
            start_date = COALESCE(excluded.start_date, runs.start_date), end_date = COALESCE(excluded.end_date, runs.end_date),
            message = excluded.message
        WHERE (runs.finished = 0 AND (excluded.finished = 1 OR excluded.reported_at >= runs.reported_at))
           OR (runs.finished = 1 AND excluded.finished = 1 AND excluded.reported_at >= runs.reported_at)
        """;

    private const string Prune = $"""
        DELETE FROM runs WHERE pipeline_fqn = @pipeline_fqn AND run_id NOT IN
            (SELECT run_id FROM runs WHERE pipeline_fqn = @pipeline_fqn {Newest} LIMIT @keep)
        """;

    public async Task RecordAsync(string agentId, RunStatusPayload status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Upsert, cancellationToken,
            ("@run_id", status.RunId), ("@pipeline_fqn", status.PipelineFqn), ("@agent_id", agentId),
            ("@workflow_name", status.WorkflowName), ("@pipeline_state", status.PipelineState),
            ("@finished", PipelineStates.IsTerminal(status.PipelineState) ? 1L : 0L), ("@reported_at", status.Timestamp),
            ("@start_date", status.StartDate), ("@end_date", status.EndDate), ("@message", status.Message));
        await connection.ExecuteAsync(Prune, cancellationToken, ("@pipeline_fqn", status.PipelineFqn), ("@keep", (long)KeptPerPipeline));
    }

    public async Task<IReadOnlyList<RunStatusPayload>> RecentAsync(string pipelineFqn, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT pipeline_fqn, run_id, workflow_name, pipeline_state, reported_at, start_date, end_date, message FROM runs WHERE pipeline_fqn = @pipeline_fqn {Newest} LIMIT @limit",
            ("@pipeline_fqn", pipelineFqn), ("@limit", (long)limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunStatusPayload>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunStatusPayload(
                PipelineFqn: reader.GetString(0),
                RunId: reader.GetString(1),
                WorkflowName: reader.GetString(2),
                PipelineState: reader.GetString(3),
                Timestamp: reader.GetInt64(4),
                StartDate: reader.NullableInt64(5),
                EndDate: reader.NullableInt64(6),
                Message: reader.NullableString(7)));
        }

        return runs;
    }
}
