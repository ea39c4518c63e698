using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Tests.Sandbox.ControlPlane;

public sealed class ControlPlaneMisbehaviourTests
{
    [Fact]
    public async Task SetSilent_Enabled_HeartbeatsAndStatusesGoUnansweredUntilLifted()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");
        host.ControlPlane.SetSilent("agent-a", enabled: true);

        await agent.SendHeartbeatAsync();
        await agent.SendStatusAsync(TestAgentSocket.Status("r1"));
        await host.ControlPlane.WaitForStatusAsync(s => s.RunId == "r1", TestTimeouts.Token());
        host.ControlPlane.SetSilent("agent-a", enabled: false);
        var heartbeatId = await agent.SendHeartbeatAsync();

        // The first frame after the silence answers the later heartbeat: nothing was sent for the earlier two messages.
        var next = await agent.ReceiveAsync();
        Assert.Equal((MessageTypes.HeartbeatAck, heartbeatId), (next.Type, next.ReplyTo));
        Assert.Equal(2, host.ControlPlane.Stats.Snapshot().FramesSuppressed);
    }

    [Fact]
    public async Task WithholdAcks_Enabled_NoAckUntilReleasedThenHighWaterAcked()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");
        using var withhold = await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/withhold-acks", new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, withhold.StatusCode);

        await agent.SendStatusAsync(TestAgentSocket.Status("r1"));
        var heartbeatId = await agent.SendHeartbeatAsync();
        Assert.Equal(heartbeatId, (await agent.ReceiveAsync()).ReplyTo);
        Assert.Single(host.ControlPlane.GetStatuses());
        await host.ControlPlane.SetWithholdAcksAsync("agent-a", enabled: false);

        Assert.Equal(1, await agent.ReceiveAckAsync());
    }

    [Fact]
    public async Task Drop_LiveSession_AgentSeesAbruptEndAndServerForgetsSession()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsync(new Uri("/sandbox/agents/agent-a/drop", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<WebSocketException>(agent.ReceiveFrameAsync);
        await host.ControlPlane.WaitForDisconnectAsync("agent-a", TestTimeouts.Token());
        Assert.False(host.ControlPlane.IsConnected("agent-a"));
    }

    [Theory]
    [InlineData(1011)]
    [InlineData(CloseCodes.DuplicateAgent)]
    public async Task Close_WithCode_AgentReceivesThatCode(int code)
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/close", new { code, reason = "test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, await agent.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Garbage_Text_AgentReceivesRawFrame()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/garbage", new { text = "{broken" });

        var frame = await agent.ReceiveFrameAsync();
        Assert.Equal((WebSocketMessageType.Text, "{broken"), (frame.Type, Encoding.UTF8.GetString(frame.Data)));
    }

    [Fact]
    public async Task Garbage_BinaryBytes_AgentReceivesBinaryFrameOfThatSize()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        Assert.True(await host.ControlPlane.SendGarbageBinaryAsync("agent-a", 16));

        var frame = await agent.ReceiveFrameAsync();
        Assert.Equal((WebSocketMessageType.Binary, 16), (frame.Type, frame.Data.Length));
    }

    [Fact]
    public async Task Refuse_CodeSetThenCleared_ClosesNewConnectionsUntilCleared()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        using var refuse = await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/refuse", new { code = CloseCodes.UnsupportedProtocolVersion });
        Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);

        await using (var refused = await host.ConnectAsync("agent-a"))
        {
            Assert.Equal(CloseCodes.UnsupportedProtocolVersion, await refused.ReceiveCloseAsync());
        }

        await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/refuse", new { code = 0 });
        await using var accepted = await host.ConnectWelcomedAsync("agent-a");
        Assert.True(host.ControlPlane.IsConnected("agent-a"));
    }

    [Fact]
    public async Task AgentsAndStatsRoutes_ConnectedAgent_ReportHelloAndCounts()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var agents = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/sandbox/agents", UriKind.Relative)));
        using var stats = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/sandbox/stats", UriKind.Relative)));

        var entry = Assert.Single(agents.RootElement.EnumerateArray());
        Assert.True(entry.GetProperty("connected").GetBoolean());
        Assert.Equal(agent.InstanceId, entry.GetProperty("instanceId").GetString());
        Assert.Equal("argo", entry.GetProperty("executor").GetProperty("kind").GetString());
        Assert.Equal(1, stats.RootElement.GetProperty("sessionsOpened").GetInt64());
    }
}
