using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Agents;
using Agent.Gateway.Tests.Agents.Doubles;
using Agent.Gateway.Tests.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Gateway.Tests.Agents;

/// <summary>IAgentLink: a request reaches the agent wherever it is connected, and every wait ends.</summary>
public sealed class AgentLinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Request_ReachesTheAgent_AndItsResultIsTheReply()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        var reply = gateway.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineToggle, Payload("""{"pipelineFqn":"svc.ingest","enabled":false}"""), Wait, CancellationToken.None);
        var request = await agent.NextAsync(MessageTypes.PipelineToggle);
        await agent.SendResultAsync(request.Id, new ResultPayload(true, 200, "argo", "1.0.0"), seq: 1);

        var answered = await reply;
        Assert.Equal(AgentReplyKind.Answered, answered.Kind);
        Assert.Equal(200, answered.Result!.Code);
        Assert.Equal("svc.ingest", request.Payload.GetProperty("pipelineFqn").GetString());
        Assert.Null(request.Seq);
        Assert.Equal(1, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);
        var metrics = await new HttpClient().GetStringAsync(new Uri(gateway.MetricsUri, "/metrics"));
        Assert.Contains("collate_hybrid_gateway_agent_requests_total{type=\"pipeline.toggle\",outcome=\"ok\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("collate_hybrid_gateway_connected_agents 1", metrics, StringComparison.Ordinal);
        Assert.Contains("collate_hybrid_gateway_agent_request_duration_seconds_count{type=\"pipeline.toggle\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentThatDoesNotAnswer_IsTimedOut_WhenTheWaitPassesOnTheClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = await GatewayTestHost.StartAsync(time: time);
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        var reply = gateway.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineKill, Payload("""{"pipelineFqn":"svc.ingest"}"""), Wait, CancellationToken.None);
        var request = await agent.NextAsync(MessageTypes.PipelineKill);
        time.Advance(Wait - TimeSpan.FromMilliseconds(1));
        Assert.False(reply.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var timedOut = await reply.WaitAsync(TestTimeouts.Default);
        Assert.Equal(AgentReplyKind.TimedOut, timedOut.Kind);
        Assert.Contains(GatewayDoubles.AgentId, timedOut.Problem, StringComparison.Ordinal);

        // A late answer finds nobody waiting and is still acknowledged: the agent must not resend it forever.
        await agent.SendResultAsync(request.Id, new ResultPayload(true, 200, "argo", "1.0.0"), seq: 1);
        Assert.Equal(1, TestAgentClient.Read(await agent.NextAsync(MessageTypes.Ack), ProtocolJsonContext.Default.AckPayload).Seq);
    }

    [Fact]
    public async Task SessionThatCloses_EndsTheWaitingRequest_AsNotConnected()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        var reply = gateway.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineDelete, Payload("""{"pipelineFqn":"svc.ingest"}"""), TimeSpan.FromHours(1), CancellationToken.None);
        await agent.NextAsync(MessageTypes.PipelineDelete);
        await agent.CloseAsync();

        var notConnected = await reply.WaitAsync(TestTimeouts.Default);
        Assert.Equal(AgentReplyKind.NotConnected, notConnected.Kind);
    }

    [Fact]
    public async Task AgentConnectedNowhere_IsNotConnected_WithoutForwarding()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);

        var reply = await gateway.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineRun, Payload("{}"), Wait, CancellationToken.None);

        Assert.Equal(AgentReplyKind.NotConnected, reply.Kind);
        Assert.Equal(0, doubles.Bus.Forwarded);
    }

    [Fact]
    public async Task AgentConnectedToAnotherReplica_IsReachedThroughTheBus()
    {
        var presence = new InMemoryPresence();
        var network = new ReplicaBusNetwork();
        var holderDoubles = new GatewayDoubles("replica-a", presence, network);
        var otherDoubles = new GatewayDoubles("replica-b", presence, network);
        await using var holder = await GatewayTestHost.StartAsync(holderDoubles);
        await using var other = await GatewayTestHost.StartAsync(otherDoubles);
        await using var agent = await holder.ConnectAsync();
        await agent.HelloAsync();

        var reply = other.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineLogs, Payload("""{"pipelineFqn":"svc.ingest"}"""), Wait, CancellationToken.None);
        var request = await agent.NextAsync(MessageTypes.PipelineLogs);
        await agent.SendResultAsync(request.Id, new ResultPayload(true, 200, "argo", "1.0.0", RunId: "run-7"), seq: 1);

        var answered = await reply;
        Assert.Equal(AgentReplyKind.Answered, answered.Kind);
        Assert.Equal("run-7", answered.Result!.RunId);
        Assert.Equal(1, otherDoubles.Bus.Forwarded);
        Assert.Equal("svc.ingest", request.Payload.GetProperty("pipelineFqn").GetString());
    }

    [Fact]
    public async Task AgentWelcomed_IsRaisedAfterTheWelcome_AndMaySendToTheAgent()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        var replies = new TaskCompletionSource<AgentReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Connected.AgentWelcomed += async (agentId, cancellationToken) =>
            replies.TrySetResult(await gateway.Link.SendAsync(agentId, MessageTypes.PipelineDelete, Payload("""{"pipelineFqn":"svc.old"}"""), Wait, cancellationToken));
        await using var agent = await gateway.ConnectAsync();

        await agent.HelloAsync();
        var replayed = await agent.NextAsync(MessageTypes.PipelineDelete);
        await agent.SendResultAsync(replayed.Id, new ResultPayload(true, 200, "argo", "1.0.0"), seq: 1);

        Assert.Equal(AgentReplyKind.Answered, (await replies.Task.WaitAsync(TestTimeouts.Default)).Kind);
    }

    private static JsonElement Payload(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
