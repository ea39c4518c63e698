using System.Data.Common;
using Agent.Gateway.Store.Sql;
using Microsoft.Data.Sqlite;

namespace Agent.Gateway.Store.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode (readers do not wait for the writer), one replica.</summary>
internal sealed class SqliteDatabase(string path, ILogger<SqliteDatabase> logger) : StoreDatabase(logger)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override StoreKind Kind => StoreKind.Sqlite;

    public override IReadOnlyList<StoreMigration> Migrations => StoreMigrations.Sqlite;

    public override async ValueTask<DbConnection> OpenUnmigratedAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL", cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a restart in the same process (tests) or a deleted file needs them gone.
        await using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        await base.DisposeAsync();
    }
}
