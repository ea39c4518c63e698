using Agent.Gateway.Store.Sql;

namespace Agent.Gateway.Store;

/// <summary>
/// Applies the schema migrations in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs for every
/// lifecycle service before any hosted service's StartAsync: the listeners and the hub start on a migrated store, and
/// a store that cannot be reached stops start-up.
/// </summary>
internal sealed class StoreMigrationService(StoreDatabase database) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
