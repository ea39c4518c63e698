using System.Data.Common;

namespace Agent.Gateway.Store.Sql;

/// <summary>
/// A backend's connections and its few dialect differences. <see cref="OpenAsync"/> applies the migrations first (once
/// per process), so nothing reads a table before it exists, whichever service touches the store first.
/// </summary>
internal abstract class StoreDatabase(ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private volatile bool _migrated;

    public abstract StoreKind Kind { get; }

    public abstract IReadOnlyList<StoreMigration> Migrations { get; }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenUnmigratedAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations unless this process already did; a failure is retried by the next caller.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrating.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await StoreMigrator.ApplyAsync(this, cancellationToken, logger);
                _migrated = true;
            }
        }
        finally
        {
            _migrating.Release();
        }
    }

    public abstract ValueTask<DbConnection> OpenUnmigratedAsync(CancellationToken cancellationToken);

    /// <summary>Runs before the migration transaction (SQLite: switch to WAL, which cannot change inside one).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keeps two processes from migrating at once (PostgreSQL: an advisory lock held to the commit).</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        _migrating.Dispose();
        return ValueTask.CompletedTask;
    }
}
