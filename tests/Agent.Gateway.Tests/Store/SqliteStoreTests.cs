using System.Text.Json;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;
using Microsoft.Extensions.Hosting;

namespace Agent.Gateway.Tests.Store;

/// <summary>The store contract on the embedded SQLite file, plus what only the single-replica store does.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gateway-store-");

    private string DatabasePath => Path.Combine(_directory.FullName, "state", "gateway.db");

    [Fact]
    public async Task ReplicaBus_ForwardAsync_SaysNotConnected()
    {
        var bus = Host.Get<IReplicaBus>();
        using var payload = JsonDocument.Parse("{}");

        var reply = await bus.ForwardAsync("replica-x", "agent-eu", "pipeline.kill", payload.RootElement, TimeSpan.FromSeconds(1), Token);

        Assert.Equal(AgentReplyKind.NotConnected, reply.Kind);
        Assert.Equal("sqlite-test", bus.ReplicaId);
    }

    [Fact]
    public void Start_CreatesTheDatabaseFileAndItsFolder() => Assert.True(File.Exists(DatabasePath));

    private protected override Task<IReadOnlyDictionary<string, string?>> CreateStoreAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["GATEWAY_SQLITE_PATH"] = DatabasePath,
            ["GATEWAY_REPLICA_ID"] = "sqlite-test",
        });

    private protected override Task<string> ContentAtRestAsync(IHost host) => Agent.TestKit.Storage.SqliteFiles.ContentAsync(DatabasePath, Token);

    private protected override Task DisposeStoreAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
