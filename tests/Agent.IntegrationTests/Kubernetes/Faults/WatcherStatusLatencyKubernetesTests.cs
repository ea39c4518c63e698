using System.Diagnostics;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>StatusLatencyTests</c> on the Kubernetes executor: a pod's phase change reaches the control plane as a
/// run.status through the pod watch or, while the watch route fails, through the next relist. How each was delivered
/// is proved by counting pod list calls between the change and its status (the emulator's call counts), not by
/// wall-clock bounds. The emulator cannot take a pod back to Pending, so each change is a new run's pod starting
/// (queued, then running).
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class WatcherStatusLatencyKubernetesTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> StillRuns = new()
    {
        ["Sandbox:Kubernetes:PendingSeconds"] = "300",
        ["Sandbox:Kubernetes:RunningSeconds"] = "300",
    };

    [Fact]
    public async Task PhaseChange_WatchStream_ReportsEachWithoutListing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-latency-watch", StillRuns);
        var changes = await MeasureAsync(rig, changes: 10);

        output.WriteLine(Describe("watch", changes));
        Assert.All(changes, change => Assert.Equal(0, change.ListsBetween));
        Assert.Equal(0, rig.KubeFaults().Counts.WatchFailures);
    }

    [Fact]
    public async Task PhaseChange_WatchRouteFailing_ReportsEachByTheNextPoll()
    {
        var pollInterval = TimeSpan.FromSeconds(1);
        await using var rig = await AgentRig.StartKubernetesAsync(
            "k8s-latency-poll",
            new Dictionary<string, string?>(StillRuns) { ["Sandbox:Kubernetes:Faults:WatchFails"] = "true" },
            new Dictionary<string, string?> { ["Kubernetes:PollInterval"] = pollInterval.ToString() });

        var changes = await MeasureAsync(rig, changes: 4);

        output.WriteLine(Describe("fallback", changes));
        // A list already under way when the phase changed may have read the old phase; the one after it must not.
        Assert.All(changes, change => Assert.InRange(change.ListsBetween, 1, 2));
        Assert.True(rig.KubeFaults().Counts.WatchFailures > 0);
    }

    /// <summary>Starts a run (its pod stays Pending: queued), then forces the pod Running; the time and pod lists until its status.</summary>
    private static async Task<List<Change>> MeasureAsync(AgentRig rig, int changes)
    {
        var measured = new List<Change>();
        for (var i = 0; i < changes; i++)
        {
            var runId = Guid.NewGuid().ToString();
            var jobName = await rig.StartRunAsync(runId);
            await rig.Kube.PodOfAsync(jobName, rig.Cancellation);
            var listsBefore = rig.KubeFaults().Counts.Of("list", "pods");
            var clock = Stopwatch.StartNew();
            await rig.Kube.ForcePhaseAsync(jobName, "Running", cancellationToken: rig.Cancellation);
            await rig.WaitForStateAsync(runId, PipelineStates.Running);
            measured.Add(new Change(clock.Elapsed.TotalMilliseconds, rig.KubeFaults().Counts.Of("list", "pods") - listsBefore));
        }

        return measured;
    }

    private static string Describe(string route, List<Change> changes)
    {
        var sorted = changes.Select(change => change.Milliseconds).Order().ToList();
        return $"{route}: p50 {sorted[(sorted.Count - 1) / 2]:F0} ms, max {sorted[^1]:F0} ms over {sorted.Count}; " +
               $"pod list calls per change {string.Join(',', changes.Select(change => change.ListsBetween))}";
    }

    private sealed record Change(double Milliseconds, long ListsBetween);
}
