using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Tests.Agents.Doubles;
using Agent.Gateway.Tests.Hosting;

namespace Agent.Gateway.Tests.Agents;

/// <summary>Protocol §1 and §3 as the gateway applies them: who may connect, and what the welcome says.</summary>
public sealed class AgentAdmissionTests
{
    [Fact]
    public async Task Hello_IsWelcomed_WithTheLedgersAckedSeq_AndClaimsPresence()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        await using var agent = await gateway.ConnectAsync();
        await doubles.Ledger.AdvanceAsync(GatewayDoubles.AgentId, agent.InstanceId, 41, CancellationToken.None);

        var welcome = await agent.HelloAsync();

        Assert.Equal(ProtocolVersion.SubProtocol, agent.SubProtocol);
        Assert.Equal(41, welcome.AckedSeq);
        Assert.Equal(1, welcome.ProtocolVersion);
        Assert.Equal(15, welcome.HeartbeatSeconds);
        Assert.Equal(doubles.Bus.ReplicaId, await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
        var session = Assert.Single(gateway.Connected.Sessions);
        Assert.Equal(welcome.SessionId, session.SessionId);
        Assert.Equal(agent.InstanceId, session.InstanceId);
    }

    [Fact]
    public async Task Hello_IsWelcomed_WithTheOpenMetadataVersionTheGatewayServes()
    {
        await using var gateway = await GatewayTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GATEWAY_OPENMETADATA_VERSION"] = "1.12.4" });
        await using var agent = await gateway.ConnectAsync();

        var welcome = await agent.HelloAsync();

        Assert.Equal("1.12.4", welcome.ServerVersion);
    }

    [Fact]
    public async Task Hello_RecordsEveryRunOfTheInventory()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        await using var agent = await gateway.ConnectAsync();
        RunStatusPayload[] inventory =
        [
            new("svc.ingest", "run-1", "wf-1", PipelineStates.Running, 1_700_000_000_000),
            new("svc.ingest", "run-2", "wf-2", PipelineStates.Success, 1_700_000_100_000, EndDate: 1_700_000_200_000),
        ];

        await agent.HelloAsync(inventory: inventory);

        var recent = await doubles.Runs.RecentAsync("svc.ingest", 10, CancellationToken.None);
        Assert.Equal(["run-2", "run-1"], recent.Select(run => run.RunId));
        Assert.Equal(1, Assert.Single(gateway.Connected.Sessions).InFlightRuns);
    }

    [Theory]
    [InlineData(GatewayDoubles.AgentId, "wrong-token")]
    [InlineData("agent-unknown", GatewayDoubles.Token)]
    [InlineData("", GatewayDoubles.Token)]
    public async Task BadTokenOrUnknownAgent_IsClosedWith4001(string agentId, string token)
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync(agentId, token);

        Assert.Equal(CloseCodes.Unauthorized, await agent.ClosedAsync());
        Assert.Empty(gateway.Connected.Sessions);
    }

    [Fact]
    public async Task SecondConnectionOfAnAgentConnectedHere_IsClosedWith4002_AndTheFirstKeepsWorking()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var first = await gateway.ConnectAsync();
        await first.HelloAsync();

        await using var second = await gateway.ConnectAsync();

        Assert.Equal(CloseCodes.DuplicateAgent, await second.ClosedAsync());
        await first.SendAsync(MessageTypes.Heartbeat, new HeartbeatPayload(0, 0, 1), ProtocolJsonContext.Default.HeartbeatPayload);
        await first.NextAsync(MessageTypes.HeartbeatAck);
    }

    [Fact]
    public async Task AgentConnectedToAnotherReplica_IsClosedWith4002()
    {
        var doubles = new GatewayDoubles("replica-a");
        await doubles.Presence.ClaimAsync(GatewayDoubles.AgentId, "replica-b", CancellationToken.None);
        await using var gateway = await GatewayTestHost.StartAsync(doubles);

        await using var agent = await gateway.ConnectAsync();

        Assert.Equal(CloseCodes.DuplicateAgent, await agent.ClosedAsync());
        Assert.Equal("replica-b", await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task AgentThatLeft_CanConnectAgain_AndItsPresenceIsReleased()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        await using (var first = await gateway.ConnectAsync())
        {
            await first.HelloAsync();
            await first.CloseAsync();
        }

        Assert.Equal(GatewayDoubles.AgentId, await doubles.Presence.Released.ReadAsync(TestTimeouts.Token()));
        Assert.Null(await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
        await using var again = await gateway.ConnectAsync();
        await again.HelloAsync();
        Assert.Equal(doubles.Bus.ReplicaId, await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task HelloWithoutVersion1_IsClosedWith4003()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();

        await agent.SendHelloAsync(versions: [2, 3]);

        Assert.Equal(CloseCodes.UnsupportedProtocolVersion, await agent.ClosedAsync());
    }

    [Fact]
    public async Task HelloForAnotherAgentId_IsAnErrorAndAProtocolClose()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();

        await agent.SendAsync(MessageTypes.Hello, new HelloPayload(
            "agent-us", agent.InstanceId, "1.0.0", [1], [], new ExecutorInfo("argo", "ingestion"), []), ProtocolJsonContext.Default.HelloPayload);

        var error = TestAgentClient.Read(await agent.NextAsync(MessageTypes.Error), ProtocolJsonContext.Default.ErrorPayload);
        Assert.Contains("X-Agent-Id", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1002, await agent.ClosedAsync());
    }

    [Fact]
    public async Task StoreThatDoesNotAnswerAtAdmission_Closes1011_AndTheRetryIsAdmitted()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        doubles.Presence.Failure = new TimeoutException("store unreachable");
        await using (var first = await gateway.ConnectAsync())
        {
            Assert.Equal(1011, await first.ClosedAsync());
        }

        doubles.Presence.Failure = null;
        await using var retry = await gateway.ConnectAsync();
        await retry.HelloAsync();
        Assert.Single(gateway.Connected.Sessions);
    }
}
