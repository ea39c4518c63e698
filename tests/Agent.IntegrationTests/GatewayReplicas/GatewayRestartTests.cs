using Npgsql;

namespace Agent.IntegrationTests.GatewayReplicas;

/// <summary>
/// The gateway's state survives its restart: a DAG deployed through the Airflow routes can be triggered, read, and
/// toggled after the process stops (SIGTERM, or SIGKILL as in a crash) and starts again on the same store, without a
/// redeploy; the agent reconnects by itself; the store never holds the bot token in clear.
/// </summary>
public sealed class GatewayRestartTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gateway-restart-");

    [Fact]
    public async Task Sqlite_SigtermAndStartAgain_DeployedDagStillRuns()
    {
        var database = Path.Combine(_directory.FullName, "gateway.db");
        await RestartScenarioAsync(new Dictionary<string, string> { ["GATEWAY_STORE"] = "sqlite", ["GATEWAY_SQLITE_PATH"] = database }, kill: false,
            () => Agent.TestKit.Storage.SqliteFiles.ContentAsync(database, TestTimeouts.Token()));
    }

    [Fact]
    public async Task Postgres_SigkillAndStartAgain_DeployedDagStillRuns()
    {
        await using var postgres = await PostgresServer.StartAsync(TestTimeouts.Token(TimeSpan.FromMinutes(2)));
        var connection = await postgres.CreateDatabaseAsync(TestTimeouts.Token());
        await RestartScenarioAsync(new Dictionary<string, string> { ["GATEWAY_STORE"] = "postgres", ["GATEWAY_POSTGRES_CONNECTION"] = connection }, kill: true, async () =>
        {
            await using var data = NpgsqlDataSource.Create(connection);
            await using var command = data.CreateCommand("SELECT COALESCE(string_agg(p::text, ' '), '') FROM pipelines p");
            return (string)(await command.ExecuteScalarAsync())!;
        });
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private async Task RestartScenarioAsync(Dictionary<string, string> store, bool kill, Func<Task<string>> storeContent)
    {
        var token = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        await using var gateway = new ReplicaProcess("replica-a", store, ReplicaFixture.WriteAgentsFile(_directory));
        var welcomed = gateway.WaitForWelcome(ReplicaFixture.AgentId);
        await gateway.StartAsync(token);
        await using var agent = ReplicaFixture.StartAgent(sandbox, gateway);
        string Context() => $"gateway:\n{gateway.Tail()}\nagent:\n{agent.Tail()}";
        await welcomed.WaitAsync(token);
        await new PipelineRoundTrip(sandbox, ReplicaFixture.Client(gateway), Context).DeployAsync();

        var welcomedAgain = gateway.WaitForWelcome(ReplicaFixture.AgentId);
        await gateway.StopAsync(kill, token);
        await gateway.StartAsync(token);
        await welcomedAgain.WaitAsync(token);

        // A new OpenMetadata client (new CSRF session), as after the gateway's restart; no deploy before the run.
        await new PipelineRoundTrip(sandbox, ReplicaFixture.Client(gateway), Context).RunAsync();
        var atRest = await storeContent();
        Assert.Contains(ReplicaFixture.DagId, atRest, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxServer.OpenMetadataBotToken, atRest, StringComparison.Ordinal);
    }
}
