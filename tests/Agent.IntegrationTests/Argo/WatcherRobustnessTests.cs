using System.Net;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Runs;
using Agent.Sandbox.Argo.Faults;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Argo;

/// <summary>Issue 12 findings 4 and 5 over HTTP, against the emulator: no duplicate after a relist, deletions reported, no hot loop.</summary>
public sealed class WatcherRobustnessTests(ITestOutputHelper output)
{
    private const string WatchRoute = "GET /api/v1/workflow-events/{namespace}";
    private const string ListRoute = "GET /api/v1/workflows/{namespace}";

    [Fact]
    public async Task Watch_EndsAtOnceEveryTime_EachNewWatchFollowsAListAndChangesStillArrive()
    {
        await using var rig = await AgentRig.StartAsync(
            "watch-ends-at-once",
            new Dictionary<string, string?> { ["Sandbox:Argo:PendingSeconds"] = "600", ["Sandbox:Argo:Faults:WatchEndsAtOnce"] = "true" },
            new Dictionary<string, string?> { ["Argo:PollInterval"] = "00:00:01" });
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);

        // Without a watch, the change still arrives through the lists made between watches.
        rig.Emulator.ForcePhase(AgentRig.Namespace, workflowName, "Running");
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        await WaitForAsync(rig, () => rig.Faults.Counts.WatchesEndedAtOnce >= 4);

        var requests = rig.Emulator.GetStats().Requests;
        output.WriteLine($"watches {requests.GetValueOrDefault(WatchRoute)}, lists {requests.GetValueOrDefault(ListRoute)}");

        // Before the fix: thousands of watches behind one list. Readiness probes may add lists, never watches.
        Assert.InRange(requests.GetValueOrDefault(WatchRoute), 4, requests.GetValueOrDefault(ListRoute) + 1);
    }

    [Fact]
    public async Task Relist_MoreFinishedRunsThanTheRegistryKeeps_SendsNoStatusTwice()
    {
        const int Runs = 1_100;
        await using var rig = await AgentRig.StartAsync(
            "relist-no-duplicates",
            new Dictionary<string, string?> { ["Sandbox:Argo:PendingSeconds"] = "0.05", ["Sandbox:Argo:RunningSeconds"] = "0.05" },
            new Dictionary<string, string?> { ["Argo:PollInterval"] = "00:00:01" },
            // 1,100 workflows through the emulated pod lifecycle, then a relist: one shared bound for all of it, with room
            // for a loaded CI machine (a 30 s bound was once reached there); every wait is still on a signal.
            timeout: TimeSpan.FromSeconds(90));
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var (runId, i) in runIds.Select((runId, i) => (runId, i)))
        {
            rig.Emulator.CreateWorkflow(AgentRig.Namespace, KillTests.ForeignWorkflow($"om-many-{i}-{runId[..8]}", runId, AgentRig.PipelineFqn, rig.Agent.AgentId));
        }

        // These bare workflows carry no ingestion config, so the emulated image ends each one failed: a final state all the same.
        foreach (var runId in runIds)
        {
            await rig.WaitForStateAsync(runId, PipelineStates.Failed);
        }

        var before = rig.ControlPlane.GetStatuses(agentId: rig.Agent.AgentId).Count;

        // Force a relist: the watch is cut and its resume refused as too old, as after a long outage.
        rig.Faults.Configure(new ArgoFaultOptions { TooOldResourceVersions = 1 });
        rig.Faults.DropWatches();
        await WaitForAsync(rig, () => rig.Faults.Counts.TooOldResourceVersions == 1);

        // The canary is the newest workflow: the relist observes it last, or the watch after the relist does.
        var canary = Guid.NewGuid().ToString();
        rig.Emulator.CreateWorkflow(AgentRig.Namespace, KillTests.ForeignWorkflow($"om-canary-{canary[..8]}", canary, AgentRig.PipelineFqn, rig.Agent.AgentId));
        await rig.WaitForStateAsync(canary, PipelineStates.Failed);

        var after = rig.ControlPlane.GetStatuses(agentId: rig.Agent.AgentId);
        output.WriteLine($"{before} statuses before the relist, {after.Count(status => status.Status.RunId != canary)} after it (canary aside)");
        Assert.Equal(before, after.Count(status => status.Status.RunId != canary));
    }

    [Fact]
    public async Task DeleteWorkflow_RunningRun_ReportsStoppedAndLeavesAdminJobs()
    {
        await using var rig = await AgentRig.StartAsync("deleted-while-running", new Dictionary<string, string?> { ["Sandbox:Argo:RunningSeconds"] = "600" });
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);

        rig.Emulator.DeleteWorkflow(AgentRig.Namespace, workflowName);
        var stopped = await rig.WaitForStateAsync(runId, PipelineStates.Stopped);

        Assert.Contains($"workflow {workflowName} was deleted", stopped.Status.Message, StringComparison.Ordinal);
        Assert.NotNull(stopped.Status.EndDate);
        using var admin = rig.Agent.CreateAdminClient();
        using var job = await admin.GetAsync($"/admin/jobs/{runId}", rig.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        var jobs = await admin.GetStringAsync("/admin/jobs", rig.Cancellation);
        Assert.DoesNotContain(runId, jobs, StringComparison.Ordinal);
    }

    /// <summary>Bounded wait on a sandbox counter (the emulator raises no event for these).</summary>
    private static async Task WaitForAsync(AgentRig rig, Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(10, rig.Cancellation);
        }
    }
}
