using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Runs;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Argo;

/// <summary>Tracking runs costs the same number of Argo calls whether the agent has 1 active run or 1,000.</summary>
public sealed class TrackingCostTests(ITestOutputHelper output)
{
    private const int PollCycles = 3;

    [Fact]
    public async Task Tracking_ThousandActiveRuns_CostsSameArgoCallsAsOne()
    {
        var one = await MeasureAsync(runs: 1);
        var thousand = await MeasureAsync(runs: 1_000);

        output.WriteLine($"watching, per {PollCycles} phase changes: 1 run {Show(one.Watching)}; 1000 runs {Show(thousand.Watching)}");
        output.WriteLine($"polling, per {PollCycles} lists: 1 run {Show(one.Polling)}; 1000 runs {Show(thousand.Polling)}");
        Assert.Equal(one.Watching, thousand.Watching);

        // Listing pages at 500 workflows, so while the watch is down a list of 1,000 runs is 2 calls instead of 1: the
        // number of cycles (refused watches) per interval is the same, each list costs ceil(runs / 500) pages.
        const string Watch = "GET /api/v1/workflow-events/{namespace}";
        const string List = "GET /api/v1/workflows/{namespace}";
        Assert.Equal(PollCycles, one.Polling[Watch]);
        Assert.Equal(PollCycles, thousand.Polling[Watch]);
        Assert.Equal(PollCycles, one.Polling[List]);
        Assert.Equal(2 * PollCycles, thousand.Polling[List]);
    }

    private static string Show(Dictionary<string, long> calls) =>
        calls.Count == 0 ? "no calls" : string.Join(", ", calls.Select(c => $"{c.Key}={c.Value}"));

    private static async Task<(Dictionary<string, long> Watching, Dictionary<string, long> Polling)> MeasureAsync(int runs)
    {
        await using var rig = await AgentRig.StartAsync(
            $"cost-{runs}",
            new Dictionary<string, string?> { ["Sandbox:Argo:PendingSeconds"] = "600", ["Sandbox:Argo:RunningSeconds"] = "600" },
            new Dictionary<string, string?> { ["Argo:PollInterval"] = "00:00:00.500" });
        var names = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            var runId = Guid.NewGuid().ToString();
            var name = $"om-cost-{i}-{runId[..8]}";
            rig.Emulator.CreateWorkflow(AgentRig.Namespace, KillTests.ForeignWorkflow(name, runId, AgentRig.PipelineFqn, rig.Agent.AgentId));
            names.Add(name);
        }

        // Signal that the agent follows them all: the last run's first (queued) status.
        var lastRun = (string)rig.Emulator.GetWorkflow(AgentRig.Namespace, names[^1])["metadata"]!["annotations"]!["hybrid-agent/run-id"]!;
        await rig.WaitForStateAsync(lastRun, Agent.Core.Protocol.Messages.PipelineStates.Queued);
        var probeRunId = (string)rig.Emulator.GetWorkflow(AgentRig.Namespace, names[0])["metadata"]!["annotations"]!["hybrid-agent/run-id"]!;

        // Watching: the same number of phase changes, each awaited at the control plane.
        var before = Tracking(rig);
        for (var i = 0; i < PollCycles; i++)
        {
            var (phase, state) = i % 2 == 0 ? ("Running", "running") : ("Pending", "queued");
            var seen = rig.ControlPlane.GetStatuses(runId: probeRunId).Count;
            rig.Emulator.ForcePhase(AgentRig.Namespace, names[0], phase);
            await rig.ControlPlane.WaitForStatusAsync(
                s => s.RunId == probeRunId && s.PipelineState == state && rig.ControlPlane.GetStatuses(runId: probeRunId).Count > seen, rig.Cancellation);
        }

        var watching = Delta(before, Tracking(rig));

        // Polling: the watch route fails, so each cycle is one list (all its pages) and one refused watch. The refused
        // watch is counted after its cycle's list completed, so counting between refusals measures whole cycles.
        rig.Faults.Configure(new() { WatchFails = true });
        rig.Faults.DropWatches();
        await WaitForWatchRefusalsAsync(rig, 1);
        before = Tracking(rig);
        await WaitForWatchRefusalsAsync(rig, PollCycles);
        var polling = Delta(before, Tracking(rig));
        return (watching, polling);
    }

    /// <summary>Bounded wait for <paramref name="count"/> more refused watches (one per poll cycle).</summary>
    private static async Task WaitForWatchRefusalsAsync(AgentRig rig, int count)
    {
        var target = rig.Faults.Counts.WatchFailures + count;
        while (rig.Faults.Counts.WatchFailures < target)
        {
            await Task.Delay(10, rig.Cancellation);
        }
    }

    private static Dictionary<string, long> Tracking(AgentRig rig) => rig.Emulator.GetStats().Requests
        .Where(r => r.Key.Contains("/workflow-events/", StringComparison.Ordinal) || r.Key == "GET /api/v1/workflows/{namespace}" || r.Key == "GET /api/v1/workflows/{namespace}/{name}")
        .ToDictionary(r => r.Key, r => r.Value);

    private static Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) => after
        .Select(pair => (pair.Key, Value: pair.Value - before.GetValueOrDefault(pair.Key)))
        .Where(pair => pair.Value != 0)
        .ToDictionary(pair => pair.Key, pair => pair.Value);
}
