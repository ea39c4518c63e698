using System.Diagnostics;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Argo;

/// <summary>Time from a phase change in Argo to its run.status at the control plane, watching and polling.</summary>
[Collection(TimingSensitive.Name)]
public sealed class StatusLatencyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> StillRuns = new()
    {
        ["Sandbox:Argo:PendingSeconds"] = "300",
        ["Sandbox:Argo:RunningSeconds"] = "300",
    };

    [Fact]
    public async Task PhaseChange_WatchStream_ReportsEachUnderOneSecond()
    {
        await using var rig = await AgentRig.StartAsync("latency-watch", StillRuns);
        var latencies = await MeasureAsync(rig, changes: 20);

        output.WriteLine($"watch: p50 {Percentile(latencies, 0.5):F0} ms, max {latencies.Max():F0} ms over {latencies.Count}");
        Assert.True(latencies.Max() < 1_000, $"slowest {latencies.Max():F0} ms");
        Assert.Equal(0, rig.Faults.Counts.WatchFailures);
    }

    [Fact]
    public async Task PhaseChange_WatchRouteFailing_ReportsEachWithinOnePollInterval()
    {
        var pollInterval = TimeSpan.FromSeconds(1);
        await using var rig = await AgentRig.StartAsync(
            "latency-poll",
            new Dictionary<string, string?>(StillRuns) { ["Sandbox:Argo:Faults:WatchFails"] = "true" },
            new Dictionary<string, string?> { ["Argo:PollInterval"] = pollInterval.ToString() });
        var listsBefore = rig.Emulator.GetStats().Requests.GetValueOrDefault("GET /api/v1/workflows/{namespace}");

        var latencies = await MeasureAsync(rig, changes: 6);

        output.WriteLine($"fallback: p50 {Percentile(latencies, 0.5):F0} ms, max {latencies.Max():F0} ms over {latencies.Count}");
        Assert.True(latencies.Max() < pollInterval.TotalMilliseconds + 500, $"slowest {latencies.Max():F0} ms");
        Assert.True(rig.Faults.Counts.WatchFailures > 0);
        Assert.True(rig.Emulator.GetStats().Requests["GET /api/v1/workflows/{namespace}"] > listsBefore);
    }

    /// <summary>Alternates Running and Pending (running/queued) on one run and times each change to its status.</summary>
    private static async Task<List<double>> MeasureAsync(AgentRig rig, int changes)
    {
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId); // Pending: the run is queued (not reported: it was answered so)
        var latencies = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            var (phase, state) = i % 2 == 0 ? ("Running", PipelineStates.Running) : ("Pending", PipelineStates.Queued);
            var seen = rig.ControlPlane.GetStatuses(runId: runId).Count;
            var clock = Stopwatch.StartNew();
            rig.Emulator.ForcePhase(AgentRig.Namespace, workflowName, phase);
            await rig.ControlPlane.WaitForStatusAsync(
                s => s.RunId == runId && s.PipelineState == state && rig.ControlPlane.GetStatuses(runId: runId).Count > seen, rig.Cancellation);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
    }
}
