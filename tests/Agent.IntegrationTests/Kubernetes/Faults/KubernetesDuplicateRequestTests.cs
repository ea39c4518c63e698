using Agent.Core.Link;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>DuplicateRequestTests</c> on the Kubernetes executor: a request id is executed once however often it
/// arrives (protocol §4): one Job create call, one Job, the same answer each time.
/// </summary>
public sealed class KubernetesDuplicateRequestTests
{
    private const string PipelineFqn = "reliability_mysql.metadata";

    [Fact]
    public async Task PipelineRun_SameIdSubmittedTwice_ExecutedOnceAndAnsweredTwiceIdentically()
    {
        var gate = CreateGate.Counting();
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-dup"), replaceServices: gate.Install);
        var (server, agent) = (rig.ControlPlane, rig.Agent);
        var runId = Guid.NewGuid().ToString();
        var payload = RequestPayloads.PipelineRun(PipelineFqn, runId: runId);

        var first = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, payload);
        var firstAnswer = await first.WaitAsync(rig.Cancellation);
        var second = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, payload, first.Id);
        var secondAnswer = await second.WaitAsync(rig.Cancellation);

        Assert.Equal(1, gate.Creates);
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);
        Assert.Single(rig.Kube.Secrets());
        Assert.True(ReliableMessages.Result(firstAnswer.Message).Ok);
        Assert.Equal(firstAnswer.Message.Payload.GetRawText(), secondAnswer.Message.Payload.GetRawText());
        Assert.Equal(first.Id, secondAnswer.Message.ReplyTo);
        Assert.NotEqual(firstAnswer.Message.Seq, secondAnswer.Message.Seq);
        Assert.Equal(2, server.GetRequest(first.Id)!.AnswerCount);
        Assert.Equal(0, server.Stats.Snapshot().DuplicateAnswers);
    }

    [Fact]
    public async Task PipelineRun_ResentAfterReconnectWhileItsJobCreateIsHeld_ExecutedOnceAndAnsweredOnce()
    {
        var gate = CreateGate.Closed();
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-dup-reconnect"),
            agentOverrides: new Dictionary<string, string?> { ["ControlPlane:ReconnectDelaySeconds"] = "1" },
            replaceServices: gate.Install);
        var (server, agent, first) = (rig.ControlPlane, rig.Agent, rig.Welcomed);
        var runId = Guid.NewGuid().ToString();
        var dispatcher = agent.Services.GetRequiredService<RequestDispatcher>();

        var ticket = await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runId));
        await gate.Held.WaitAsync(rig.Cancellation);
        Assert.Equal(1, dispatcher.InFlight);
        server.Drop(agent.AgentId);
        var second = await server.WaitForAgentAsync(agent.AgentId, rig.Cancellation);

        // The resend reaches the agent while the first execution still waits on the apiserver; only then does it go on.
        await LinkSignals.UntilAsync(() => server.GetRequest(ticket.Id)!.SendCount == 2, rig.Cancellation);
        gate.Open();
        var answer = await ticket.WaitAsync(rig.Cancellation);

        // Let everything the agent has to say arrive before counting answers.
        await LinkSignals.UntilAsync(() => agent.Services.GetRequiredService<ReliableOutbox>().Depth == 0 && dispatcher.InFlight == 0, rig.Cancellation);
        var request = server.GetRequest(ticket.Id)!;
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.True(ReliableMessages.Result(answer.Message).Ok, ReliableMessages.Result(answer.Message).Reason);
        Assert.All(request.Results, r => Assert.Equal(answer.Message.Payload.GetRawText(), r.Message.Payload.GetRawText()));

        // The first execution's answer, delivered by the outbox after the reconnect, answers the resend too: one result, not two.
        Assert.Equal(1, request.AnswerCount);
        Assert.Equal(0, server.Stats.Snapshot().DuplicateAnswers);
        Assert.Equal(1, gate.Creates);
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);

        // The held start was finished, not left half done: its Job resumed, its config Secret made.
        var job = rig.Kube.Job(LifecycleRequests.Started(ReliableMessages.Result(answer.Message)).WorkflowName)!;
        Assert.False((bool)job["spec"]!["suspend"]!);
        Assert.Single(rig.Kube.Secrets());
    }
}
