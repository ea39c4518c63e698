using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>TrackingCostTests</c> on the Kubernetes executor: following runs costs the same API calls whether the
/// agent has 1 active run or 200 (the Job watcher lists and watches all of them at once, never per Job). Lists are not
/// paged here, so while the watch fails each poll cycle is one Job list and one pod list for any number of runs.
/// </summary>
public sealed class WatcherTrackingCostKubernetesTests(ITestOutputHelper output)
{
    private const int PollCycles = 3;

    /// <summary>The pod watch is opened beside the Job watch and cut when that one fails first, so it is not counted.</summary>
    private static readonly string[] Tracked = ["list jobs", "list pods", "watch jobs", "get jobs", "get pods"];

    [Fact]
    public async Task Tracking_ManyActiveRuns_CostsSameApiCallsAsOne()
    {
        var one = await MeasureAsync(runs: 1);
        var many = await MeasureAsync(runs: 200);

        output.WriteLine($"watching, per 2 phase changes: 1 run {Show(one.Watching)}; 200 runs {Show(many.Watching)}");
        output.WriteLine($"polling, per {PollCycles} cycles: 1 run {Show(one.Polling)}; 200 runs {Show(many.Polling)}");
        Assert.Equal(one.Watching, many.Watching);
        Assert.Equal(one.Polling, many.Polling);
        Assert.Equal(PollCycles, many.Polling["list jobs"]);
        Assert.Equal(PollCycles, many.Polling["list pods"]);
    }

    private static string Show(Dictionary<string, long> calls) =>
        calls.Count == 0 ? "no calls" : string.Join(", ", calls.Select(c => $"{c.Key}={c.Value}"));

    private static async Task<(Dictionary<string, long> Watching, Dictionary<string, long> Polling)> MeasureAsync(int runs)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            $"k8s-cost-{runs}",
            new Dictionary<string, string?> { ["Sandbox:Kubernetes:PendingSeconds"] = "600", ["Sandbox:Kubernetes:RunningSeconds"] = "600" },
            new Dictionary<string, string?> { ["Kubernetes:PollInterval"] = "00:00:00.500" },
            timeout: TimeSpan.FromSeconds(120));
        var runIds = Enumerable.Range(0, runs).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var batch in runIds.Chunk(20))
        {
            await Task.WhenAll(batch.Select(runId => rig.StartRunAsync(runId)));
        }

        // Watching: the same phase changes of one run, each awaited at the control plane.
        var probe = runIds[0];
        var probeJob = KubeObjects.Name(rig.Kube.Jobs().Single(job => KubeObjects.Annotation(job, KubeObjects.RunIdAnnotation) == probe));
        await rig.Kube.PodOfAsync(probeJob, rig.Cancellation);
        var before = Tracking(rig);
        await rig.Kube.ForcePhaseAsync(probeJob, "Running", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(probe, PipelineStates.Running);
        await rig.Kube.ForcePhaseAsync(probeJob, "Succeeded", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(probe, PipelineStates.Success);
        var watching = Delta(before, Tracking(rig));

        // Polling: the watch fails, so each cycle is a relist and a refused Job watch, sent once the cycle's lists are
        // done: counting between refused Job watches measures whole cycles.
        rig.KubeFaults().Configure(new() { WatchFails = true });
        await WatcherRuns.ControlAsync(rig, "watch/close");
        await WaitForJobWatchesAsync(rig, 1);
        before = Tracking(rig);
        await WaitForJobWatchesAsync(rig, PollCycles);
        return (watching, Delta(before, Tracking(rig)));
    }

    /// <summary>Bounded wait for <paramref name="count"/> more Job watches (one per poll cycle while the watch fails).</summary>
    private static Task WaitForJobWatchesAsync(AgentRig rig, int count)
    {
        var target = rig.KubeFaults().Counts.Of("watch", "jobs") + count;
        return rig.WaitForCountsAsync(counts => counts.Of("watch", "jobs") >= target);
    }

    private static Dictionary<string, long> Tracking(AgentRig rig)
    {
        var counts = rig.KubeFaults().Counts;
        return Tracked.ToDictionary(call => call, call => counts.Requests.GetValueOrDefault(call));
    }

    private static Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) => after
        .Select(pair => (pair.Key, Value: pair.Value - before.GetValueOrDefault(pair.Key)))
        .Where(pair => pair.Value != 0)
        .ToDictionary(pair => pair.Key, pair => pair.Value);
}
