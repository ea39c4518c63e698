using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agent.Gateway.Store.Sql;

/// <summary>
/// Applies the steps of <see cref="StoreDatabase.Migrations"/> not yet in <c>schema_migrations</c>, all in one
/// transaction: a step that fails leaves the schema as it was, and running it again applies nothing twice.
/// </summary>
internal static class StoreMigrator
{
    public static async Task<int> ApplyAsync(StoreDatabase database, CancellationToken cancellationToken, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        await using var connection = await database.OpenUnmigratedAsync(cancellationToken);
        await database.PrepareAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken);
        await RunAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            cancellationToken);

        var applied = new HashSet<long>();
        await using (var select = connection.Command("SELECT version FROM schema_migrations"))
        {
            select.Transaction = transaction;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var count = 0;
        foreach (var migration in database.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            foreach (var statement in migration.Statements)
            {
                await RunAsync(connection, transaction, statement, cancellationToken);
            }

            await using var record = connection.Command(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)",
                ("@version", (long)migration.Version), ("@name", migration.Name), ("@applied_at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            record.Transaction = transaction;
            await record.ExecuteNonQueryAsync(cancellationToken);
            StoreLog.MigrationApplied(logger, migration.Version, migration.Name, database.Kind);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
