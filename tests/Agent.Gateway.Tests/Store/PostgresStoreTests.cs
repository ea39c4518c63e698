using Agent.Gateway.Store.Sql;
using Microsoft.Extensions.Hosting;

namespace Agent.Gateway.Tests.Store;

/// <summary>The store contract on PostgreSQL, plus two replicas migrating one database at once.</summary>
[Collection(PostgresCluster.Name)]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreContractTests
{
    private string _connection = string.Empty;

    [Fact]
    public async Task Migrations_TwoReplicasStartingTogether_BothStartOnOneSchema()
    {
        var connection = await postgres.Server.CreateDatabaseAsync(Token);
        var settings = PostgresSettings.For(connection, "replica-a");

        var hosts = await Task.WhenAll(StoreHost.StartAsync(settings), StoreHost.StartAsync(PostgresSettings.For(connection, "replica-b")));

        foreach (var host in hosts)
        {
            Assert.Equal(0, await StoreMigrator.ApplyAsync(host.Get<StoreDatabase>(), Token));
            await host.StopAndDisposeAsync();
        }
    }

    private protected override async Task<IReadOnlyDictionary<string, string?>> CreateStoreAsync()
    {
        _connection = await postgres.Server.CreateDatabaseAsync(Token);
        return PostgresSettings.For(_connection, "replica-a");
    }

    private protected override async Task<string> ContentAtRestAsync(IHost host)
    {
        await using var connection = await host.Get<StoreDatabase>().OpenAsync(Token);
        await using var command = connection.Command("SELECT COALESCE(string_agg(p::text, ' '), '') FROM pipelines p");
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }
}
