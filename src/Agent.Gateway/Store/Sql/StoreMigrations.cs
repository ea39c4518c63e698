namespace Agent.Gateway.Store.Sql;

/// <summary>
/// The schema, as numbered steps. Append, never edit a released step. Types are the ones both backends read the same
/// way: TEXT, and BIGINT for numbers, flags (0/1) and instants (UTC ticks or epoch ms), so one SQL serves both.
/// </summary>
internal static class StoreMigrations
{
    private static readonly StoreMigration Initial = new(1, "pipelines, runs, seq ledger, presence, key ring",
    [
        """
        CREATE TABLE pipelines (
            dag_id TEXT PRIMARY KEY,
            pipeline_fqn TEXT NOT NULL,
            service_fqn TEXT NOT NULL,
            pipeline_type TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            enabled BIGINT NOT NULL,
            protected_payload TEXT NOT NULL,
            protected_config TEXT NOT NULL,
            deployed_at_ticks BIGINT NOT NULL,
            delete_pending BIGINT NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX pipelines_agent ON pipelines (agent_id)",
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            pipeline_fqn TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            workflow_name TEXT NOT NULL,
            pipeline_state TEXT NOT NULL,
            finished BIGINT NOT NULL,
            reported_at BIGINT NOT NULL,
            start_date BIGINT NULL,
            end_date BIGINT NULL,
            message TEXT NULL)
        """,
        "CREATE INDEX runs_pipeline ON runs (pipeline_fqn)",
        """
        CREATE TABLE seq_ledger (
            agent_id TEXT NOT NULL,
            instance_id TEXT NOT NULL,
            acked_seq BIGINT NOT NULL,
            PRIMARY KEY (agent_id, instance_id))
        """,
        "CREATE TABLE agent_presence (agent_id TEXT PRIMARY KEY, replica_id TEXT NOT NULL, claimed_at BIGINT NOT NULL)",
        "CREATE TABLE data_protection_keys (friendly_name TEXT PRIMARY KEY, xml TEXT NOT NULL)",
    ]);

    // Only PostgreSQL has several replicas; request and reply bodies travel here because NOTIFY carries 8000 bytes at most.
    private static readonly StoreMigration ForwardedRequests = new(2, "forwarded requests between replicas",
    [
        """
        CREATE TABLE forwarded_requests (
            id TEXT PRIMARY KEY,
            origin_replica TEXT NOT NULL,
            target_replica TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            type TEXT NOT NULL,
            protected_payload TEXT NOT NULL,
            wait_ms BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            reply_kind TEXT NULL,
            reply_result TEXT NULL,
            reply_problem TEXT NULL)
        """,
    ]);

    public static IReadOnlyList<StoreMigration> Sqlite { get; } = [Initial];

    public static IReadOnlyList<StoreMigration> Postgres { get; } = [Initial, ForwardedRequests];
}
