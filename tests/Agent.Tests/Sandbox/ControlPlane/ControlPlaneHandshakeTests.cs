using System.Net;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Sandbox.ControlPlane;

public sealed class ControlPlaneHandshakeTests
{
    [Fact]
    public async Task Connect_WrongToken_ClosesWith4001()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectAsync("agent-a", token: "wrong");

        Assert.Equal(CloseCodes.Unauthorized, await agent.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Connect_DisabledAgent_ClosesWith4004()
    {
        await using var host = await ControlPlaneSandbox.StartAsync(("DisabledAgents:0", "agent-off"));
        await using var agent = await host.ConnectAsync("agent-off");

        Assert.Equal(CloseCodes.AgentDisabled, await agent.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Connect_AgentIdAlreadyConnected_ClosesSecondWith4002AndKeepsFirst()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var first = await host.ConnectWelcomedAsync("agent-a");
        await using var second = await host.ConnectAsync("agent-a");

        Assert.Equal(CloseCodes.DuplicateAgent, await second.ReceiveCloseAsync());
        var heartbeatId = await first.SendHeartbeatAsync();
        Assert.Equal(heartbeatId, (await first.ReceiveAsync()).ReplyTo);
    }

    [Fact]
    public async Task Hello_WithoutProtocolVersion1_ClosesWith4003()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectAsync("agent-a");

        await agent.SendAsync(TestAgentSocket.Create(MessageTypes.Hello, agent.CreateHello([2]), ProtocolJsonContext.Default.HelloPayload));

        Assert.Equal(CloseCodes.UnsupportedProtocolVersion, await agent.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Hello_FirstFrameIsNotHello_SendsErrorAndCloses1002()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectAsync("agent-a");

        var heartbeatId = await agent.SendHeartbeatAsync();

        var error = await agent.ReceiveAsync();
        Assert.Equal(MessageTypes.Error, error.Type);
        Assert.Equal(heartbeatId, error.ReplyTo);
        Assert.Equal(1002, await agent.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Hello_Valid_WelcomesWithSessionHeartbeatAndSubprotocol()
    {
        await using var host = await ControlPlaneSandbox.StartAsync(("HeartbeatSeconds", "7"));
        await using var agent = await host.ConnectAsync("agent-a");

        var welcome = await agent.HelloAsync();

        Assert.Equal(ProtocolVersion.SubProtocol, agent.Socket.SubProtocol);
        Assert.True(Guid.TryParse(welcome.SessionId, out _));
        Assert.Equal(ProtocolVersion.Current, welcome.ProtocolVersion);
        Assert.Equal(7, welcome.HeartbeatSeconds);
        Assert.Equal(0, welcome.AckedSeq);
        var connection = await host.ControlPlane.WaitForAgentAsync("agent-a", TestTimeouts.Token());
        Assert.Equal(welcome.SessionId, connection.SessionId);
        Assert.Equal(agent.InstanceId, connection.InstanceId);
    }

    [Theory]
    [InlineData("1.13.3", "1.13.3")]
    [InlineData(null, null)]
    public async Task Hello_Valid_WelcomeCarriesTheConfiguredServerVersionOrNone(string? configured, string? expected)
    {
        await using var host = configured is null
            ? await ControlPlaneSandbox.StartAsync()
            : await ControlPlaneSandbox.StartAsync(("ServerVersion", configured));
        await using var agent = await host.ConnectAsync("agent-a");

        var welcome = await agent.HelloAsync();

        Assert.Equal(expected, welcome.ServerVersion);
    }

    [Fact]
    public async Task Connect_WithoutUpgrade_Returns400()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(ProtocolVersion.ConnectPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Welcome_ReconnectWithSameInstance_AckedSeqIsHighestProcessed()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        var instanceId = Guid.NewGuid().ToString();
        await using (var first = await host.ConnectWelcomedAsync("agent-a", instanceId))
        {
            await first.SendStatusAsync(TestAgentSocket.Status("r1"));
            await first.SendStatusAsync(TestAgentSocket.Status("r1", PipelineStates.Success));
            Assert.Equal(1, await first.ReceiveAckAsync());
            Assert.Equal(2, await first.ReceiveAckAsync());
        }

        await host.ControlPlane.WaitForDisconnectAsync("agent-a", TestTimeouts.Token());
        await using var again = await host.ConnectAsync("agent-a", instanceId: instanceId);
        Assert.Equal(2, (await again.HelloAsync()).AckedSeq);
        await using var other = await host.ConnectAsync("agent-b");
        Assert.Equal(0, (await other.HelloAsync()).AckedSeq);
    }
}
