using System.Net.WebSockets;
using System.Text;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Tests.Agents.Doubles;
using Agent.Gateway.Tests.Hosting;

namespace Agent.Gateway.Tests.Agents;

/// <summary>Protocol §4, §6 and §8 on the gateway's side: each seq processed once and acked, heartbeats, bad frames.</summary>
public sealed class ReliableMessageTests
{
    private static readonly RunStatusPayload Running = new("svc.ingest", "run-1", "wf-1", PipelineStates.Running, 1_700_000_000_000);

    [Fact]
    public async Task RunStatus_IsRecordedOnce_AndAcked_AndAResentSeqIsAckedWithoutRecording()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        await agent.SendRunStatusAsync(Running, seq: 1);
        Assert.Equal(1, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);
        var recorded = await doubles.Runs.Recorded.ReadAsync(TestTimeouts.Token());
        Assert.Equal((GatewayDoubles.AgentId, Running), recorded);

        await agent.SendRunStatusAsync(Running with { PipelineState = PipelineStates.Failed }, seq: 1);
        Assert.Equal(1, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);

        Assert.Equal(1, doubles.Runs.Calls);
        Assert.Equal(PipelineStates.Running, Assert.Single(await doubles.Runs.RecentAsync("svc.ingest", 10, CancellationToken.None)).PipelineState);
        Assert.Equal(1, await doubles.Ledger.AckedAsync(GatewayDoubles.AgentId, agent.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task SeqAckedInAnEarlierSession_IsNotProcessedAgain()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        await using var agent = await gateway.ConnectAsync();
        await doubles.Ledger.AdvanceAsync(GatewayDoubles.AgentId, agent.InstanceId, 5, CancellationToken.None);
        Assert.Equal(5, (await agent.HelloAsync()).AckedSeq);

        await agent.SendRunStatusAsync(Running, seq: 4);
        Assert.Equal(5, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);
        await agent.SendRunStatusAsync(Running with { RunId = "run-6" }, seq: 6);
        Assert.Equal(6, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);

        Assert.Equal("run-6", (await doubles.Runs.Recorded.ReadAsync(TestTimeouts.Token())).Status.RunId);
        Assert.Equal(1, doubles.Runs.Calls);
    }

    [Fact]
    public async Task Heartbeat_IsAnsweredWithItsId()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        await agent.SendAsync(MessageTypes.Heartbeat, new HeartbeatPayload(3, 0, 60), ProtocolJsonContext.Default.HeartbeatPayload);
        var ack = await agent.NextAsync(MessageTypes.HeartbeatAck);

        Assert.NotNull(ack.ReplyTo);
        Assert.Equal(3, Assert.Single(gateway.Connected.Sessions).InFlightRuns);
    }

    [Fact]
    public async Task BadFrames_AreAnsweredWithAnError_AndTheSessionCarriesOn()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        await agent.SendRawAsync(Encoding.UTF8.GetBytes("not json"));
        Assert.Contains("not valid JSON", Reason(await agent.NextAsync(MessageTypes.Error)), StringComparison.Ordinal);
        await agent.SendRawAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary);
        Assert.Contains("binary", Reason(await agent.NextAsync(MessageTypes.Error)), StringComparison.Ordinal);
        await agent.SendRawAsync(new byte[ProtocolVersion.DefaultMaxMessageBytes + 1]);
        Assert.Contains("discarded", Reason(await agent.NextAsync(MessageTypes.Error)), StringComparison.Ordinal);

        await agent.SendRunStatusAsync(Running, seq: 1);
        Assert.Equal(1, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);
    }

    [Fact]
    public async Task MessageBeforeHello_IsAnErrorAndAProtocolClose()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();

        await agent.SendRunStatusAsync(Running, seq: 1);

        Assert.Contains("expected hello", Reason(await agent.NextAsync(MessageTypes.Error)), StringComparison.Ordinal);
        Assert.Equal(1002, await agent.ClosedAsync());
    }

    private static string Reason(Envelope error) => TestAgentClient.Read(error, ProtocolJsonContext.Default.ErrorPayload).Reason;
}
