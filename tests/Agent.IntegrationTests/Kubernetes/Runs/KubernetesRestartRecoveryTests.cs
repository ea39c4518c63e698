using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>RestartRecoveryTests</c> on the Kubernetes executor: an agent restarted with the same id reports, once, a
/// run whose Job completed while it was gone, lists the still-running one in its hello inventory and follows it to its end.
/// </summary>
public sealed class KubernetesRestartRecoveryTests
{
    [Fact]
    public async Task Restart_RunFinishedWhileStoppedAndRunStillActive_ReportsSuccessOnceAndInventoryThenFollowsTheActiveOne()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-restart-agent", KubeRuns.LongRuns);
        var finishing = Guid.NewGuid().ToString();
        var active = Guid.NewGuid().ToString();
        var finishingJob = await rig.StartRunAsync(finishing);
        var activeJob = await rig.StartRunAsync(active);
        await rig.WaitForStateAsync(finishing, PipelineStates.Running);
        await rig.WaitForStateAsync(active, PipelineStates.Running);
        var oldInstance = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!.InstanceId;

        await rig.RestartAgentAsync(async () =>
        {
            await rig.Kube.ForcePhaseAsync(finishingJob, "Succeeded", cancellationToken: rig.Cancellation);
            await rig.Kube.WaitForAsync(objects => KubeRuns.Completed(objects.Job(finishingJob)), rig.Cancellation);
        });

        var success = await rig.WaitForStateAsync(finishing, PipelineStates.Success);
        Assert.NotEqual(oldInstance, success.InstanceId);
        Assert.NotNull(success.Status.EndDate);
        var hello = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!;
        Assert.Equal(success.InstanceId, hello.InstanceId);
        var inventoried = Assert.Single(hello.Inventory, run => run.RunId == active);
        Assert.Equal(PipelineStates.Running, inventoried.PipelineState);
        Assert.Equal(activeJob, inventoried.WorkflowName);
        Assert.DoesNotContain(hello.Inventory, run => run.RunId == finishing && run.PipelineState == PipelineStates.Running);

        await rig.Kube.ForcePhaseAsync(activeJob, "Succeeded", cancellationToken: rig.Cancellation);
        var ended = await rig.WaitForStateAsync(active, PipelineStates.Success);
        Assert.Equal(hello.InstanceId, ended.InstanceId);
        Assert.Single(rig.ControlPlane.GetStatuses(runId: finishing), s => s.Status.PipelineState == PipelineStates.Success);
        Assert.Equal(2, rig.Kube.Jobs().Count);
    }
}
