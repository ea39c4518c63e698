using Agent.Gateway.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Tests.Store;

/// <summary>The store settings: defaults, the connection-string file, and one message naming the variable per bad value.</summary>
public sealed class StoreOptionsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gateway-options-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Read_Defaults_SqliteAtTheImagePathWithAValidGeneratedReplicaId()
    {
        var options = Read([]);

        Assert.Equal(StoreKind.Sqlite, options.Kind);
        Assert.Equal("/var/lib/agent-gateway/gateway.db", options.SqlitePath);
        Assert.Matches("^[A-Za-z0-9.-]{1,32}-[0-9a-f]{6}$", options.ReplicaId);
        Assert.NotEqual(options.ReplicaId, Read([]).ReplicaId);
        Assert.True(new StoreOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Read_ConnectionFile_IsReadAndTrimmed()
    {
        var file = Path.Combine(_directory.FullName, "connection");
        File.WriteAllText(file, "Host=db;Username=gateway;Password=s3cret\n");

        var options = Read(new() { ["GATEWAY_STORE"] = "postgres", ["GATEWAY_POSTGRES_CONNECTION_FILE"] = file });

        Assert.Equal(StoreKind.Postgres, options.Kind);
        Assert.Equal("Host=db;Username=gateway;Password=s3cret", options.PostgresConnection);
        Assert.True(new StoreOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("GATEWAY_STORE", "mongo", null, "GATEWAY_STORE must be 'sqlite' or 'postgres', not 'mongo'")]
    [InlineData("GATEWAY_STORE", "postgres", null, "GATEWAY_POSTGRES_CONNECTION (or GATEWAY_POSTGRES_CONNECTION_FILE) is required")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION", "Nonsense=1;Password=hunter2", "postgres", "GATEWAY_POSTGRES_CONNECTION is not a valid Npgsql connection string")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE", "/nonexistent/connection", "postgres", "GATEWAY_POSTGRES_CONNECTION_FILE: cannot read '/nonexistent/connection'")]
    [InlineData("GATEWAY_REPLICA_ID", "replica a", null, "GATEWAY_REPLICA_ID must be 1-40 letters, digits, '.', '_' or '-', not 'replica a'")]
    [InlineData("GATEWAY_PRESENCE_TTL_SECONDS", "2", null, "GATEWAY_PRESENCE_TTL_SECONDS must be a whole number of seconds from 3 to 3600, not '2'")]
    [InlineData("GATEWAY_PRESENCE_TTL_SECONDS", "soon", null, "GATEWAY_PRESENCE_TTL_SECONDS must be a whole number of seconds from 3 to 3600, not 'soon'")]
    public void Validate_BadValue_NamesTheVariable(string variable, string value, string? store, string expected)
    {
        var settings = new Dictionary<string, string?> { [variable] = value };
        if (store is not null)
        {
            settings["GATEWAY_STORE"] = store;
        }

        var result = new StoreOptionsValidator().Validate(null, Read(settings));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void PresenceTtl_DefaultsToThreeHeartbeats_AndReadsTheVariable()
    {
        Assert.Equal(TimeSpan.FromSeconds(3 * Agent.Gateway.Agents.AgentSession.HeartbeatSeconds), Read([]).PresenceTtl);
        Assert.Equal(TimeSpan.FromSeconds(6), Read(new() { ["GATEWAY_PRESENCE_TTL_SECONDS"] = "6" }).PresenceTtl);
    }

    [Fact]
    public void Validate_ConnectionAndItsFileBoth_IsRefused()
    {
        var result = new StoreOptionsValidator().Validate(null, Read(new()
        {
            ["GATEWAY_STORE"] = "postgres", ["GATEWAY_POSTGRES_CONNECTION"] = "Host=db", ["GATEWAY_POSTGRES_CONNECTION_FILE"] = "/run/secrets/pg",
        }));

        Assert.Equal("set GATEWAY_POSTGRES_CONNECTION or GATEWAY_POSTGRES_CONNECTION_FILE, not both", Assert.Single(result.Failures!));
    }

    [Fact]
    public async Task HostStart_BadStore_FailsWithTheValidationMessage()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StoreHost.StartAsync(new Dictionary<string, string?> { ["GATEWAY_STORE"] = "mongo" }));

        Assert.Contains("GATEWAY_STORE must be 'sqlite' or 'postgres', not 'mongo'", failure.Message, StringComparison.Ordinal);
    }

    private static StoreOptions Read(Dictionary<string, string?> settings) =>
        StoreOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

}
