using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>RandomizedDropTests</c> on the Kubernetes executor: many runs while the link keeps breaking, every request
/// answered as often as it was asked, no reliable message lost or doubled, one Job create call and one Job per run.
/// Fewer runs than the Argo test: each run here is a Job, a Secret and a pod the emulator's controllers drive through
/// their phases, on a machine shared with the rest of the suite. Seeded, so a failure replays with the same drops.
/// </summary>
public sealed class KubernetesRandomizedDropTests
{
    private const int Runs = 400;
    private const int Drops = 40;
    private const int DeliberateDuplicates = 20;
    private const string PipelineFqn = "reliability_random.metadata";

    [Fact]
    public async Task PipelineRuns_LinkDroppedAtRandom_EachAnsweredOnceAndEachRunsJobCreatedOnceAndReported()
    {
        var timeout = TimeSpan.FromSeconds(300);
        var gate = CreateGate.Counting();
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-random"),
            new Dictionary<string, string?>
            {
                ["Sandbox:Kubernetes:PendingSeconds"] = "0.05",
                ["Sandbox:Kubernetes:RunningSeconds"] = "0.1",
            },
            RandomDrops.AgentSettings(),
            timeout,
            services =>
            {
                RandomDrops.SeedBackoff(services);
                gate.Install(services);
            });

        var (tickets, runIds, drops) = await RandomDrops.DriveAsync(rig, PipelineFqn, Runs, Drops, DeliberateDuplicates, rig.Cancellation);

        Assert.Equal(Drops, drops);
        await RandomDrops.AssertDeliveredOnceAsync(rig, tickets, drops, rig.Cancellation);

        // One Job per run, one create call per run, every Job run to completion: duplicates never reached the apiserver.
        var jobs = rig.Kube.JobsPerRun();
        Assert.Equal(Runs, jobs.Count);
        Assert.All(runIds, runId => Assert.Equal(1, jobs[runId]));
        Assert.Equal(Runs, gate.Creates);
        Assert.Equal(Runs, rig.Kube.Secrets().Count);
        Assert.All(rig.Kube.Jobs(PipelineFqn), job => Assert.Equal(1L, (long?)job["status"]?["succeeded"]));
    }
}
