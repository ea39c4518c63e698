using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// A fault the Argo path has no twin of, since Argo creates a workflow in one call: a Kubernetes run starts in three
/// (Job created suspended, its config Secret, resume), and the start can break off between them: the agent stops (a
/// SIGKILL or an evicted pod leaves the same), or the apiserver connection fails. The Job is left suspended, with no
/// config. When the control plane sends the run again (its start was handed back or failed), the agent must finish that
/// start, not answer "already started" for a Job that will never run.
/// </summary>
public sealed class KubernetesInterruptedStartTests
{
    [Fact]
    public async Task PipelineRun_AgentStopsBetweenJobAndSecret_RunSentAgainFinishesTheStartAndTheRunEnds()
    {
        var gate = CreateGate.Closed("secrets");
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-interrupted"),
            LongRunningJobs.Settings(),
            new Dictionary<string, string?> { ["ControlPlane:ShutdownGraceSeconds"] = "1" },
            replaceServices: gate.Install);
        var runId = Guid.NewGuid().ToString();

        var ticket = await rig.ControlPlane.SubmitAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId));
        await gate.Held.WaitAsync(rig.Cancellation);
        await rig.RestartAgentAsync(() => Task.CompletedTask);
        var handedBack = ReliableMessages.Result((await ticket.WaitAsync(rig.Cancellation)).Message);
        var leftOver = Assert.Single(rig.Kube.Jobs());
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, rig.Cancellation);

        var (again, jobName) = await rig.RunAsync(runId);
        var started = await rig.Kube.WaitForAsync(kube => kube.Job(jobName!) is { } job && !(bool)job["spec"]!["suspend"]! ? job : null, rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        await rig.Kube.ForcePhaseAsync(jobName!, "Succeeded", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);

        Assert.Equal(ResultCodes.ArgoUnreachable, handedBack.Code);
        Assert.True((bool)leftOver["spec"]!["suspend"]!);
        Assert.True(again.Ok, again.Reason);
        Assert.Equal(KubeObjects.Name(leftOver), jobName);
        Assert.Equal((string?)leftOver["metadata"]!["uid"], (string?)started["metadata"]!["uid"]);
        Assert.Single(rig.Kube.Secrets(), secret => (string?)secret["metadata"]!["ownerReferences"]![0]!["uid"] == (string?)started["metadata"]!["uid"]);
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);
    }

    [Fact]
    public async Task PipelineRun_SecretCreateFailsAfterTheJob_RunSentAgainFinishesTheStartAndTheRunEnds()
    {
        var gate = CreateGate.Closed("secrets");
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-broken-start"),
            LongRunningJobs.Settings(),
            replaceServices: gate.Install);
        var runId = Guid.NewGuid().ToString();

        var ticket = await rig.ControlPlane.SubmitAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId));
        await gate.Held.WaitAsync(rig.Cancellation);
        gate.Fail();
        var failed = ReliableMessages.Result((await ticket.WaitAsync(rig.Cancellation)).Message);
        var leftOver = Assert.Single(rig.Kube.Jobs());
        gate.Open();

        var (again, jobName) = await rig.RunAsync(runId);
        var started = await rig.Kube.WaitForAsync(kube => kube.Job(jobName!) is { } job && !(bool)job["spec"]!["suspend"]! ? job : null, rig.Cancellation);
        await rig.Kube.ForcePhaseAsync(jobName!, "Succeeded", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);

        Assert.Equal(ResultCodes.ArgoUnreachable, failed.Code);
        Assert.True((bool)leftOver["spec"]!["suspend"]!);
        Assert.True(again.Ok, again.Reason);
        Assert.Equal((string?)leftOver["metadata"]!["uid"], (string?)started["metadata"]!["uid"]);
        Assert.Single(rig.Kube.Secrets());
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);
    }
}
