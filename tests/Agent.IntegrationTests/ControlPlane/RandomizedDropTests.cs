using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Many runs while the link keeps breaking: every request answered as often as it was asked, no reliable message
/// lost or doubled, no workflow created twice. Seeded, so a failure replays with the same schedule of drops.
/// </summary>
public sealed class RandomizedDropTests
{
    private const int Runs = 2_000;
    private const int Drops = 100;
    private const int DeliberateDuplicates = 50;
    private const string PipelineFqn = "reliability_random.metadata";

    [Fact]
    public async Task PipelineRuns_LinkDroppedAtRandom_EachAnsweredOnceAndEachRunCreatedOnceAndReported()
    {
        var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(240)).Token;
        await using var rig = await AgentRig.StartAsync(
            LinkSignals.NewAgentId("random"),
            new Dictionary<string, string?>
            {
                ["Sandbox:Argo:PendingSeconds"] = "0.05",
                ["Sandbox:Argo:RunningSeconds"] = "0.1",
            },
            RandomDrops.AgentSettings(),
            timeout: TimeSpan.FromSeconds(240),
            replaceServices: RandomDrops.SeedBackoff);

        var (tickets, runIds, drops) = await RandomDrops.DriveAsync(rig, PipelineFqn, Runs, Drops, DeliberateDuplicates, cancellation);

        Assert.Equal(Drops, drops);
        await RandomDrops.AssertDeliveredOnceAsync(rig, tickets, drops, cancellation);

        // One workflow per run, one create call per run: duplicates never reached Argo.
        var argo = rig.Sandbox.Services.GetRequiredService<ArgoEmulator>();
        var workflows = ArgoCounts.WorkflowsPerRun(argo);
        Assert.Equal(Runs, workflows.Count);
        Assert.All(runIds, runId => Assert.Equal(1, workflows[runId]));
        Assert.Equal(Runs, ArgoCounts.CreateCalls(argo));
    }
}
