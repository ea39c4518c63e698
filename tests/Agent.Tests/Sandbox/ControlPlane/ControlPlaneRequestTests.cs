using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.Tests.Sandbox.ControlPlane;

public sealed class ControlPlaneRequestTests
{
    [Fact]
    public async Task RunPipelineRoute_AgentAnswers_ReturnsResultPayload()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        var posting = host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/pipelines/run", new { pipelineFqn = "svc.ingest", runId = "run-1" });
        var request = await agent.ReceiveAsync();
        Assert.Equal(MessageTypes.PipelineRun, request.Type);
        Assert.True(PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineRunRequest, out var run, out var reason), reason);
        Assert.Equal(("svc.ingest", "ingest", "metadata", "run-1"), (run.Pipeline.FullyQualifiedName, run.Pipeline.Name, run.Pipeline.PipelineType, run.RunId));
        Assert.Contains("secret:", run.Config.GetString(), StringComparison.Ordinal);
        var data = JsonSerializer.SerializeToElement(new RunStartedData("run-1", "wf-1"), ProtocolJsonContext.Default.RunStartedData);
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok(data));

        using var response = await posting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(request.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("wf-1", body.RootElement.GetProperty("result").GetProperty("data").GetProperty("workflowName").GetString());
    }

    [Fact]
    public async Task SendRequestAsync_AgentDisconnectsBeforeAnswering_ResentWithSameIdAfterReconnect()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        var instanceId = Guid.NewGuid().ToString();
        var first = await host.ConnectWelcomedAsync("agent-a", instanceId);
        var sending = host.ControlPlane.SendRequestAsync(
            "agent-a", MessageTypes.PipelineStatus, RequestPayloads.PipelineFqn("svc.p"), TestTimeouts.Token());
        var original = await first.ReceiveAsync();
        await first.DisposeAsync();
        await host.ControlPlane.WaitForDisconnectAsync("agent-a", TestTimeouts.Token());

        await using var second = await host.ConnectWelcomedAsync("agent-a", instanceId);
        var resent = await second.ReceiveAsync();
        await second.SendResultAsync(resent.Id, TestAgentSocket.Ok());

        Assert.Equal((original.Id, original.Type), (resent.Id, resent.Type));
        Assert.Equal(original.Id, (await sending).ReplyTo);
        var snapshot = host.ControlPlane.GetRequest(original.Id)!;
        Assert.Equal((2, 1), (snapshot.SendCount, snapshot.AnswerCount));
    }

    [Fact]
    public async Task SubmitAsync_BeforeAgentConnects_SentRightAfterWelcome()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        var ticket = await host.ControlPlane.SubmitAsync("agent-a", MessageTypes.ServiceStatus, RequestPayloads.Empty());

        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        Assert.Equal(ticket.Id, (await agent.ReceiveAsync()).Id);
    }

    [Fact]
    public async Task Result_SecondAnswerForSameRequest_CountedAsDuplicateAnswerNotResentSeq()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");
        var ticket = await host.ControlPlane.SubmitAsync("agent-a", MessageTypes.ServiceStatus, RequestPayloads.Empty());
        var request = await agent.ReceiveAsync();

        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok(), seq: 1);
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok(), seq: 1);
        Assert.Equal(1, await agent.ReceiveAckAsync());
        Assert.Equal(1, await agent.ReceiveAckAsync());
        Assert.Equal(0, host.ControlPlane.Stats.Snapshot().DuplicateAnswers);
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok(), seq: 2);
        Assert.Equal(2, await agent.ReceiveAckAsync());

        // The ack goes out before the answer is recorded; waiting for the second answer is waiting for the record.
        await (ticket with { AnswerOrdinal = 1 }).WaitAsync(TestTimeouts.Token());
        Assert.Equal(2, host.ControlPlane.GetRequest(ticket.Id)!.AnswerCount);
        Assert.Equal((1, 1), (host.ControlPlane.Stats.Snapshot().DuplicateAnswers, host.ControlPlane.Stats.Snapshot().Duplicates));
    }

    [Fact]
    public async Task SubmitAsync_SameIdAgain_ResendsSameEnvelopeAndExpectsAnotherAnswer()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");
        var first = await host.ControlPlane.SubmitAsync("agent-a", MessageTypes.ServiceStatus, RequestPayloads.Empty(), id: "req-1");
        await agent.SendResultAsync((await agent.ReceiveAsync()).Id, TestAgentSocket.Ok());
        Assert.Equal(1, await agent.ReceiveAckAsync());
        await first.WaitAsync(TestTimeouts.Token());

        var again = await host.ControlPlane.SubmitAsync("agent-a", MessageTypes.ServiceStatus, RequestPayloads.Empty(), id: "req-1");
        Assert.Equal("req-1", (await agent.ReceiveAsync()).Id);
        await agent.SendResultAsync("req-1", TestAgentSocket.Ok());

        Assert.Equal(2, (await again.WaitAsync(TestTimeouts.Token())).Message.Seq);
        Assert.Equal(0, host.ControlPlane.Stats.Snapshot().DuplicateAnswers);
    }

    [Fact]
    public async Task RequestsRoute_UnknownAgent_Returns404()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();

        using var response = await host.Client.PostAsJsonAsync("/sandbox/agents/nobody/requests", new { type = "service.status" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RequestsRoute_NoAnswerInTime_Returns504AndRequestStaysPending()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsJsonAsync(
            "/sandbox/agents/agent-a/requests", new { type = "service.status", timeoutSeconds = 1 });
        var request = await agent.ReceiveAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok());
        await host.ControlPlane.WaitForResultAsync(request.Id, TestTimeouts.Token());
        using var lookup = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri($"/sandbox/requests/{request.Id}", UriKind.Relative)));
        Assert.Equal(1, lookup.RootElement.GetProperty("answerCount").GetInt32());
    }

    [Fact]
    public async Task RequestsRoute_WaitFalse_Returns202WithId()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsJsonAsync(
            "/sandbox/agents/agent-a/requests", new { type = "pipeline.delete", payload = new { pipelineFqn = "svc.p" }, id = "del-1", wait = false });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = await agent.ReceiveAsync();
        Assert.Equal(("del-1", "svc.p"), (request.Id, request.Payload.GetProperty("pipelineFqn").GetString()));
    }
}
