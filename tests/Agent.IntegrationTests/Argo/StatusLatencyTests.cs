using System.Diagnostics;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// A phase change in Argo reaches the control plane as a run.status, through the watch stream or, while the
/// watch route fails, through the next poll. How each was delivered is proved by counting Argo list calls between the
/// change and its status, not by wall-clock bounds that a loaded CI machine breaks; the latencies are printed
/// for the reader, and measured properly by bench/ (status benchmark).
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class StatusLatencyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> StillRuns = new()
    {
        ["Sandbox:Argo:PendingSeconds"] = "300",
        ["Sandbox:Argo:RunningSeconds"] = "300",
    };

    [Fact]
    public async Task PhaseChange_WatchStream_ReportsEachWithoutListing()
    {
        await using var rig = await AgentRig.StartAsync("latency-watch", StillRuns);
        var changes = await MeasureAsync(rig, changes: 20);

        output.WriteLine(Describe("watch", changes));
        Assert.All(changes, change => Assert.Equal(0, change.ListsBetween));
        Assert.Equal(0, rig.Faults.Counts.WatchFailures);
    }

    [Fact]
    public async Task PhaseChange_WatchRouteFailing_ReportsEachByTheNextPoll()
    {
        var pollInterval = TimeSpan.FromSeconds(1);
        await using var rig = await AgentRig.StartAsync(
            "latency-poll",
            new Dictionary<string, string?>(StillRuns) { ["Sandbox:Argo:Faults:WatchFails"] = "true" },
            new Dictionary<string, string?> { ["Argo:PollInterval"] = pollInterval.ToString() });

        var changes = await MeasureAsync(rig, changes: 6);

        output.WriteLine(Describe("fallback", changes));
        // A list already under way when the phase changed may have read the old phase; the one after it must not.
        Assert.All(changes, change => Assert.InRange(change.ListsBetween, 1, 2));
        Assert.True(rig.Faults.Counts.WatchFailures > 0);
    }

    /// <summary>Alternates Running and Pending (running/queued) on one run; for each change, the time and list calls until its status.</summary>
    private static async Task<List<Change>> MeasureAsync(AgentRig rig, int changes)
    {
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId); // Pending: the run is queued (not reported: it was answered so)
        var measured = new List<Change>();
        for (var i = 0; i < changes; i++)
        {
            var (phase, state) = i % 2 == 0 ? ("Running", PipelineStates.Running) : ("Pending", PipelineStates.Queued);
            var seen = rig.ControlPlane.GetStatuses(runId: runId).Count;
            var listsBefore = ListCalls(rig);
            var clock = Stopwatch.StartNew();
            rig.Emulator.ForcePhase(AgentRig.Namespace, workflowName, phase);
            await rig.ControlPlane.WaitForStatusAsync(
                s => s.RunId == runId && s.PipelineState == state && rig.ControlPlane.GetStatuses(runId: runId).Count > seen, rig.Cancellation);
            measured.Add(new Change(clock.Elapsed.TotalMilliseconds, ListCalls(rig) - listsBefore));
        }

        return measured;
    }

    private static long ListCalls(AgentRig rig) =>
        rig.Emulator.GetStats().Requests.GetValueOrDefault("GET /api/v1/workflows/{namespace}");

    private static string Describe(string route, List<Change> changes)
    {
        var sorted = changes.Select(change => change.Milliseconds).Order().ToList();
        return $"{route}: p50 {sorted[(sorted.Count - 1) / 2]:F0} ms, max {sorted[^1]:F0} ms over {sorted.Count}; " +
               $"list calls per change {string.Join(',', changes.Select(change => change.ListsBetween))}";
    }

    private sealed record Change(double Milliseconds, long ListsBetween);
}
