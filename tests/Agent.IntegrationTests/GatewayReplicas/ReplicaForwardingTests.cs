namespace Agent.IntegrationTests.GatewayReplicas;

/// <summary>
/// Two gateway processes on one PostgreSQL database: every Airflow route sent to the replica without the agent is
/// forwarded over LISTEN/NOTIFY to the one holding it and answered; a second connection of the agent to the other
/// replica is refused with 4002 while the first is live; after the holder crashes (SIGKILL, its claim goes stale after
/// GATEWAY_PRESENCE_TTL_SECONDS) the agent is admitted by the survivor, and the restarted replica forwards to it.
/// </summary>
public sealed class ReplicaForwardingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gateway-replicas-");

    [Fact]
    public async Task AgentOnEitherReplica_AllRoutesThroughTheOther_AndTheAgentMovesWhenItsReplicaCrashes()
    {
        var token = TestTimeouts.Token(TimeSpan.FromMinutes(2));
        await using var postgres = await PostgresServer.StartAsync(token);
        var store = new Dictionary<string, string> { ["GATEWAY_STORE"] = "postgres", ["GATEWAY_POSTGRES_CONNECTION"] = await postgres.CreateDatabaseAsync(token) };
        var agentsFile = ReplicaFixture.WriteAgentsFile(_directory);
        await using var sandbox = await SandboxServer.StartAsync();
        await using var a = new ReplicaProcess("replica-a", store, agentsFile);
        // "replica.a" and "replica-a" once shared one NOTIFY channel; now each has its own.
        await using var b = new ReplicaProcess("replica.a", store, agentsFile);
        await Task.WhenAll(a.StartAsync(token), b.StartAsync(token));
        var onB = b.WaitForWelcome(ReplicaFixture.AgentId);
        AgentProcess? agent = ReplicaFixture.StartAgent(sandbox, b);
        AgentProcess? moved = null;
        string Context() => $"replica-a:\n{a.Tail()}\nreplica.a:\n{b.Tail()}\nagent:\n{agent?.Tail()}\nmoved agent:\n{moved?.Tail()}";
        try
        {
            await onB.WaitAsync(token);

            // The same agent id dialling A while B holds a live session: refused 4002 by A.
            var refused = a.WaitForLine(line => line.Contains($"Agent {ReplicaFixture.AgentId} refused with close code 4002", StringComparison.Ordinal));
            await using (ReplicaFixture.StartAgent(sandbox, a))
            {
                await refused.WaitAsync(token);
            }

            var throughA = new PipelineRoundTrip(sandbox, ReplicaFixture.Client(a), Context);
            await throughA.DeployAsync();
            await throughA.RunAsync();
            await throughA.KillAsync();
            await throughA.DeleteAsync();

            // B crashes: its claim is never released; the agent, started again against A, is admitted once it is stale.
            await b.StopAsync(kill: true, token);
            await agent.DisposeAsync();
            agent = null;
            var onA = a.WaitForWelcome(ReplicaFixture.AgentId);
            moved = ReplicaFixture.StartAgent(sandbox, a);
            await onA.WaitAsync(token);
            await b.StartAsync(token);

            var throughB = new PipelineRoundTrip(sandbox, ReplicaFixture.Client(b), Context);
            await throughB.DeployAsync();
            await throughB.RunAsync();
            await throughB.DeleteAsync();
        }
        finally
        {
            foreach (var process in new[] { agent, moved }.OfType<AgentProcess>())
            {
                await process.DisposeAsync();
            }
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
