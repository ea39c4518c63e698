using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>A request id is executed once however often it arrives (protocol §4): one Argo workflow, the same answer each time.</summary>
public sealed class DuplicateRequestTests
{
    private const string PipelineFqn = "reliability_mysql.metadata";

    [Fact]
    public async Task PipelineRun_SameIdSubmittedTwice_ExecutedOnceAndAnsweredTwiceIdentically()
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("dup"));
        var (sandbox, server, agent) = (rig.Sandbox, rig.ControlPlane, rig.Agent);
        var runId = Guid.NewGuid().ToString();
        var payload = RequestPayloads.PipelineRun(PipelineFqn, runId: runId);

        var first = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, payload);
        var firstAnswer = await first.WaitAsync(cancellation);
        var second = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, payload, first.Id);
        var secondAnswer = await second.WaitAsync(cancellation);

        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();
        Assert.Equal(1, ArgoCounts.CreateCalls(argo));
        Assert.Equal(1, ArgoCounts.WorkflowsPerRun(argo)[runId]);
        Assert.True(ReliableMessages.Result(firstAnswer.Message).Ok);
        Assert.Equal(firstAnswer.Message.Payload.GetRawText(), secondAnswer.Message.Payload.GetRawText());
        Assert.Equal(first.Id, secondAnswer.Message.ReplyTo);
        Assert.NotEqual(firstAnswer.Message.Seq, secondAnswer.Message.Seq);
        var request = server.GetRequest(first.Id)!;
        Assert.Equal(2, request.AnswerCount);
        Assert.Equal(0, server.Stats.Snapshot().DuplicateAnswers);
    }

    [Fact]
    public async Task PipelineRun_ResentAfterReconnectWhileStillRunning_ExecutedOnceAndAnsweredOnce()
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(
            LinkSignals.NewAgentId("dup-reconnect"),
            new Dictionary<string, string?> { ["Sandbox:Argo:CreateDelaySeconds"] = "1.5" },
            new Dictionary<string, string?> { ["ControlPlane:ReconnectDelaySeconds"] = "1" });
        var (sandbox, server, agent, first) = (rig.Sandbox, rig.ControlPlane, rig.Agent, rig.Welcomed);
        var runId = Guid.NewGuid().ToString();
        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();

        var ticket = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runId));
        var dispatcher = agent.Services.GetRequiredService<RequestDispatcher>();
        await LinkSignals.UntilAsync(() => ArgoCounts.CreateCalls(argo) == 1, cancellation);
        Assert.Equal(1, dispatcher.InFlight);
        server.Drop(agent.AgentId);
        var second = await server.WaitForAgentAsync(agent.AgentId, cancellation);
        var answer = await ticket.WaitAsync(cancellation);

        // Let everything the agent has to say arrive before counting answers.
        await LinkSignals.UntilAsync(() => agent.Services.GetRequiredService<Agent.Core.Link.ReliableOutbox>().Depth == 0 && dispatcher.InFlight == 0, cancellation);
        var request = server.GetRequest(ticket.Id)!;
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(2, request.SendCount);
        Assert.True(ReliableMessages.Result(answer.Message).Ok, ReliableMessages.Result(answer.Message).Reason);
        Assert.All(request.Results, r => Assert.Equal(answer.Message.Payload.GetRawText(), r.Message.Payload.GetRawText()));

        // The first execution's answer, delivered by the outbox after the reconnect, answers the resend too: one result, not two.
        Assert.Equal(1, request.AnswerCount);
        Assert.Equal(0, server.Stats.Snapshot().DuplicateAnswers);
        Assert.Equal(1, ArgoCounts.CreateCalls(argo));
        Assert.Equal(1, ArgoCounts.WorkflowsPerRun(argo)[runId]);
    }
}
