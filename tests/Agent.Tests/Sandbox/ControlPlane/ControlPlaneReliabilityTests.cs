using System.Net.WebSockets;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Sandbox.ControlPlane;

public sealed class ControlPlaneReliabilityTests
{
    [Fact]
    public async Task RunStatus_ResentSeq_AckedAgainButRecordedOnce()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await agent.SendStatusAsync(TestAgentSocket.Status("r1"));
        await agent.SendStatusAsync(TestAgentSocket.Status("r1", PipelineStates.Success));
        Assert.Equal(1, await agent.ReceiveAckAsync());
        Assert.Equal(2, await agent.ReceiveAckAsync());
        await agent.SendStatusAsync(TestAgentSocket.Status("r1"), seq: 1);

        // The ack is cumulative: a resend of 1 is answered with the high-water mark 2.
        Assert.Equal(2, await agent.ReceiveAckAsync());
        var statuses = host.ControlPlane.GetStatuses(agentId: "agent-a");
        Assert.Equal([1L, 2L], statuses.Select(s => s.Seq!.Value));
        Assert.Equal([PipelineStates.Running, PipelineStates.Success], statuses.Select(s => s.Status.PipelineState));
        Assert.Equal(1, host.ControlPlane.Stats.Snapshot().Duplicates);
    }

    [Fact]
    public async Task RunStatus_SeqSkipsAhead_RecordsViolationAndStillProcesses()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await agent.SendStatusAsync(TestAgentSocket.Status("r1"), seq: 3);

        Assert.Equal(3, await agent.ReceiveAckAsync());
        Assert.Single(host.ControlPlane.GetStatuses());
        Assert.Contains(host.ControlPlane.GetViolations(), v => v.Reason.Contains("seq 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitForStatusAsync_MatchingStatusArrives_CompletesWithIt()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");
        var waiting = host.ControlPlane.WaitForStatusAsync(s => s.PipelineState == PipelineStates.Failed, TestTimeouts.Token());

        await agent.SendStatusAsync(TestAgentSocket.Status("r1"));
        await agent.SendStatusAsync(TestAgentSocket.Status("r1", PipelineStates.Failed));

        var received = await waiting;
        Assert.Equal(2, received.Seq);
        Assert.Equal(agent.InstanceId, received.InstanceId);
    }

    [Fact]
    public async Task Heartbeat_Received_AckRepliesToItsId()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        var heartbeatId = await agent.SendHeartbeatAsync();

        var ack = await agent.ReceiveAsync();
        Assert.Equal(MessageTypes.HeartbeatAck, ack.Type);
        Assert.Equal(heartbeatId, ack.ReplyTo);
        Assert.Equal("{}", ack.Payload.GetRawText());
        Assert.NotNull(host.ControlPlane.GetAgents().Single().LastHeartbeatAt);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"heartbeat"}""")]
    public async Task Frame_UndecodableFromAgent_ErrorReplyAndConnectionStays(string garbage)
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await agent.SendTextAsync(garbage);

        var error = await agent.ReceiveAsync();
        Assert.Equal(MessageTypes.Error, error.Type);
        Assert.True(PayloadReader.TryRead(error.Payload, ProtocolJsonContext.Default.ErrorPayload, out var payload, out _));
        Assert.False(string.IsNullOrEmpty(payload.Reason));
        var heartbeatId = await agent.SendHeartbeatAsync();
        Assert.Equal(heartbeatId, (await agent.ReceiveAsync()).ReplyTo);
    }

    [Fact]
    public async Task Frame_BinaryFromAgent_ErrorReplyAndConnectionStays()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await agent.SendRawAsync([1, 2, 3], WebSocketMessageType.Binary);

        Assert.Equal(MessageTypes.Error, (await agent.ReceiveAsync()).Type);
        Assert.Equal(WebSocketState.Open, agent.Socket.State);
    }

    [Fact]
    public async Task Error_FromAgent_IsRecorded()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        await agent.SendAsync(TestAgentSocket.Create(MessageTypes.Error, new ErrorPayload("bad request frame"), ProtocolJsonContext.Default.ErrorPayload));
        var heartbeatId = await agent.SendHeartbeatAsync();
        Assert.Equal(heartbeatId, (await agent.ReceiveAsync()).ReplyTo);

        Assert.Equal("bad request frame", Assert.Single(host.ControlPlane.GetErrors()).Reason);
        Assert.Equal(1, host.ControlPlane.Stats.Snapshot().ErrorsReceived);
    }
}
