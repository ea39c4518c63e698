using System.Data.Common;
using Agent.Gateway.Store.Sql;
using Npgsql;

namespace Agent.Gateway.Store.Postgres;

/// <summary>The shared store: a PostgreSQL database that every replica uses (pooled connections from one data source).</summary>
internal sealed class PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger) : StoreDatabase(logger)
{
    // Any constant works as long as every replica uses the same one; this is "agentgw1" in ASCII.
    private const long MigrationLockKey = 0x6167656E74677731;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override StoreKind Kind => StoreKind.Postgres;

    public override IReadOnlyList<StoreMigration> Migrations => StoreMigrations.Postgres;

    public override async ValueTask<DbConnection> OpenUnmigratedAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection of its own for LISTEN: not pooled (it lives as long as the listener), with TCP keepalives so a
    /// dead server is noticed while the listener only waits.
    /// </summary>
    public async Task<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Two replicas starting together: the second waits here until the first commits, then finds nothing to apply.
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", ("@key", MigrationLockKey));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
