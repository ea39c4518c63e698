using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>RecoveryHorizonTests</c> on the Kubernetes executor: the agent comes back two hours after its Jobs ended
/// (one Complete, one Failed at its backoff limit), past its recovery window; <c>runs.reconcile</c> gives the control
/// plane every final state, each once.
/// </summary>
public sealed class KubernetesRecoveryHorizonTests
{
    [Fact]
    public async Task Restart_AgentBackTwoHoursAfterItsJobsEnded_ReconcileGivesTheControlPlaneEachFinalStateOnce()
    {
        // Backoff limit 0: one failed pod fails the Job, as a run that used up its retries.
        await using var rig = await AgentRig.StartKubernetesAsync(
            "k8s-horizon-agent", KubeRuns.LongRuns, new Dictionary<string, string?> { ["Kubernetes:BackoffLimit"] = "0" });
        var succeeds = Guid.NewGuid().ToString();
        var fails = Guid.NewGuid().ToString();
        var succeedsJob = await rig.StartRunAsync(succeeds);
        var failsJob = await rig.StartRunAsync(fails);
        await rig.WaitForStateAsync(succeeds, PipelineStates.Running);
        await rig.WaitForStateAsync(fails, PipelineStates.Running);

        // The Jobs end at once; the new process's clock says two hours later, past the one-hour recovery window.
        await rig.RestartAgentAsync(
            async () =>
            {
                await rig.Kube.ForcePhaseAsync(succeedsJob, "Succeeded", cancellationToken: rig.Cancellation);
                await rig.Kube.ForcePhaseAsync(failsJob, "Failed", cancellationToken: rig.Cancellation);
                await rig.Kube.WaitForAsync(
                    objects => KubeRuns.Completed(objects.Job(succeedsJob)) is not null && KubeRuns.Failed(objects.Job(failsJob)) is not null ? objects : null,
                    rig.Cancellation);
            },
            replaceServices: services => services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TimeSpan.FromHours(2))));
        await RecoveryHorizonTests.AssertEachFinalStateOnceAsync(rig, succeeds, fails);
    }
}
