using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>DrainReportingTests</c> on the Kubernetes executor: on shutdown the Job watcher keeps reporting until the
/// outbox is flushed, and the flush has time of its own even when in-flight work used up the whole grace period.
/// </summary>
public sealed class KubernetesDrainReportingTests
{
    [Fact]
    public async Task Stop_JobEndsWhileInFlightWorkUsesUpTheGrace_ItsFinalStatusIsSentBeforeTheLinkCloses()
    {
        var gate = CreateGate.Counting();
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-drain"),
            LongRunningJobs.Settings(),
            new Dictionary<string, string?> { ["ControlPlane:ShutdownGraceSeconds"] = "1" },
            replaceServices: gate.Install);
        var ending = Guid.NewGuid().ToString();
        var endingName = await rig.StartRunAsync(ending);
        await rig.WaitForStateAsync(ending, PipelineStates.Running);
        var instance = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!.InstanceId;
        var dispatcher = rig.Agent.Services.GetRequiredService<RequestDispatcher>();

        // A create the apiserver holds past the 1 s grace: it is handed back, and the grace is spent before the flush.
        gate.Close();
        var slowRun = Guid.NewGuid().ToString();
        var slow = await rig.ControlPlane.SubmitAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: slowRun));
        await gate.Held.WaitAsync(rig.Cancellation);
        Assert.Equal(1, dispatcher.InFlight);
        var stopping = rig.Agent.DisposeAsync().AsTask();
        await LinkSignals.UntilAsync(() => dispatcher.IsDraining, rig.Cancellation);
        await rig.Kube.ForcePhaseAsync(endingName, "Succeeded", cancellationToken: rig.Cancellation);
        await stopping;

        var final = Assert.Single(rig.ControlPlane.GetStatuses(runId: ending), s => s.Status.PipelineState == PipelineStates.Success);
        Assert.Equal(instance, final.InstanceId);
        var handedBack = ReliableMessages.Result((await slow.WaitAsync(rig.Cancellation)).Message);
        Assert.Equal(ResultCodes.ArgoUnreachable, handedBack.Code);

        // The Job that ended is complete in the cluster; the handed-back run never reached it.
        Assert.Contains(rig.Kube.Job(endingName)!["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Complete");
        Assert.False(rig.Kube.JobsPerRun().ContainsKey(slowRun));
        Assert.Equal(2, gate.Creates);
    }
}
