using System.Net;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>WatcherRobustnessTests</c> on the Kubernetes executor (the Job watcher): no hot loop when every watch ends
/// at once, no status sent twice after a relist, and a deleted Job reported as a stopped run.
/// </summary>
public sealed class WatcherRobustnessKubernetesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Watch_EndsAtOnceEveryTime_EachNewWatchFollowsAListAndChangesStillArrive()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            "k8s-watch-ends-at-once",
            new Dictionary<string, string?> { ["Sandbox:Kubernetes:PendingSeconds"] = "600", ["Sandbox:Kubernetes:Faults:WatchEndsAtOnce"] = "true" },
            new Dictionary<string, string?> { ["Kubernetes:PollInterval"] = "00:00:01" });
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);

        // Without a watch, the change still arrives through the lists made between watches.
        await rig.Kube.ForcePhaseAsync(jobName, "Running", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        await rig.WaitForCountsAsync(counts => counts.Of("watch", "jobs") >= 4);

        var counts = rig.KubeFaults().Counts;
        output.WriteLine($"job watches {counts.Of("watch", "jobs")}, job lists {counts.Of("list", "jobs")}, ended at once {counts.WatchesEndedAtOnce}");

        // Without the pause and relist: thousands of watches behind one list. Other readers may add lists, never watches.
        Assert.InRange(counts.Of("watch", "jobs"), 4, counts.Of("list", "jobs") + 1);
        Assert.True(counts.WatchesEndedAtOnce >= 4);
    }

    [Fact]
    public async Task Relist_AfterManyFinishedRuns_SendsNoStatusTwice()
    {
        const int Runs = 40;
        await using var rig = await AgentRig.StartKubernetesAsync(
            "k8s-relist-no-duplicates",
            new Dictionary<string, string?> { ["Sandbox:Kubernetes:PendingSeconds"] = "0", ["Sandbox:Kubernetes:RunningSeconds"] = "0" },
            new Dictionary<string, string?> { ["Kubernetes:PollInterval"] = "00:00:01" },
            timeout: TimeSpan.FromSeconds(90));
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var runId in runIds)
        {
            await rig.StartRunAsync(runId);
        }

        foreach (var runId in runIds)
        {
            await rig.WaitForStateAsync(runId, PipelineStates.Success);
        }

        var before = rig.ControlPlane.GetStatuses(agentId: rig.Agent.AgentId).Count;
        var lists = rig.KubeFaults().Counts.Of("list", "jobs");

        // Force a relist: the history is compacted and the watches cut, so the resume is refused 410 Expired.
        await WatcherRuns.ControlAsync(rig, "watch/compact");
        await WatcherRuns.ControlAsync(rig, "watch/close");
        await rig.WaitForCountsAsync(counts => counts.Of("list", "jobs") > lists);

        // The canary finishes after the relist: the relist observed everything before it, or the watch after it does.
        var canary = Guid.NewGuid().ToString();
        await rig.StartRunAsync(canary);
        await rig.WaitForStateAsync(canary, PipelineStates.Success);

        var after = rig.ControlPlane.GetStatuses(agentId: rig.Agent.AgentId);
        output.WriteLine($"{before} statuses before the relist, {after.Count(status => status.Status.RunId != canary)} after it (canary aside)");
        Assert.Equal(before, after.Count(status => status.Status.RunId != canary));
        Assert.Equal(Runs + 1, rig.Kube.JobsPerRun().Count);
    }

    [Fact]
    public async Task DeleteJob_RunningRun_ReportsStoppedAndLeavesAdminJobs()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-deleted-while-running", new Dictionary<string, string?> { ["Sandbox:Kubernetes:RunningSeconds"] = "600" });
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);

        using var deleted = await rig.Sandbox.Client.DeleteAsync(
            $"/apis/batch/v1/namespaces/{AgentRig.Namespace}/jobs/{jobName}?propagationPolicy=Background", rig.Cancellation);
        deleted.EnsureSuccessStatusCode();
        var stopped = await rig.WaitForStateAsync(runId, PipelineStates.Stopped);

        Assert.Contains($"job {jobName} was deleted", stopped.Status.Message, StringComparison.Ordinal);
        Assert.NotNull(stopped.Status.EndDate);
        await rig.Kube.WaitForAsync(objects => objects.Pods(jobName).Count == 0 ? objects : null, rig.Cancellation);
        using var admin = rig.Agent.CreateAdminClient();
        using var job = await admin.GetAsync($"/admin/jobs/{runId}", rig.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        var jobs = await admin.GetStringAsync("/admin/jobs", rig.Cancellation);
        Assert.DoesNotContain(runId, jobs, StringComparison.Ordinal);
    }
}
