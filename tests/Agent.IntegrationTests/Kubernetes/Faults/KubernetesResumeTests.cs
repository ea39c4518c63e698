using Agent.Core.Link;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>ResumeTests</c> on the Kubernetes executor, with real runs instead of statuses put in the outbox: one
/// Job ends while the server withholds its acks, another while the agent is kept out. After the reconnect the agent
/// resends what <c>welcome.ackedSeq</c> says the server lacks, in order: each run's end arrives once, no seq is
/// skipped or processed twice, and each run keeps its one Job.
/// </summary>
public sealed class KubernetesResumeTests
{
    private const int RefusedForNow = 4000;

    [Fact]
    public async Task Resume_JobsEndWhileUnackedAndWhileDisconnected_EachEndDeliveredOnceInOrder()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-resume"),
            LongRunningJobs.Settings(),
            new Dictionary<string, string?> { ["ControlPlane:ReconnectDelaySeconds"] = "1" });
        var (server, agent, first, cancellation) = (rig.ControlPlane, rig.Agent, rig.Welcomed, rig.Cancellation);
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();
        var (unacked, offline) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var jobs = new Dictionary<string, string> { [unacked] = await rig.StartRunAsync(unacked), [offline] = await rig.StartRunAsync(offline) };
        await rig.WaitForStateAsync(unacked, PipelineStates.Running);
        await rig.WaitForStateAsync(offline, PipelineStates.Running);
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);

        // The first run's end is processed by the server but never acknowledged.
        await server.SetWithholdAcksAsync(agent.AgentId, true);
        await rig.Kube.ForcePhaseAsync(jobs[unacked], "Succeeded", cancellationToken: cancellation);
        await rig.WaitForStateAsync(unacked, PipelineStates.Success);
        var withheld = outbox.Depth;

        // The second ends while the agent is kept out: the Job watcher still reports it, into the outbox.
        server.Refuse(agent.AgentId, RefusedForNow);
        Assert.True(server.Drop(agent.AgentId));
        await LinkSignals.WaitForStateAsync(agent, s => s.LastCloseCode == RefusedForNow, cancellation);
        await rig.Kube.ForcePhaseAsync(jobs[offline], "Succeeded", cancellationToken: cancellation);
        await LinkSignals.UntilAsync(() => outbox.Depth > withheld, cancellation);
        Assert.DoesNotContain(server.GetStatuses(runId: offline), s => s.Status.PipelineState == PipelineStates.Success);
        server.Refuse(agent.AgentId, 0);
        var second = await server.WaitForAgentAsync(agent.AgentId, cancellation);
        await rig.WaitForStateAsync(offline, PipelineStates.Success);
        await server.SetWithholdAcksAsync(agent.AgentId, false);
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(first.InstanceId, second.InstanceId);
        ServerRuns.AssertEachEndedOnce(server, agent.AgentId, [unacked, offline]);
        var seqs = server.GetStatuses(agentId: agent.AgentId).Select(s => s.Seq!.Value).ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Distinct().Count(), seqs.Count);
        Assert.Equal(outbox.AckedSeq, server.GetAckedSeq(second.InstanceId));
        var stats = server.Stats.Snapshot();
        Assert.Equal(outbox.AckedSeq, stats.ResultsReceived + stats.StatusesReceived);
        Assert.Equal(0, stats.ProtocolViolations);
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(2, rig.Kube.JobsPerRun().Count);
        Assert.All(rig.Kube.JobsPerRun(), pair => Assert.Equal(1, pair.Value));
    }
}
