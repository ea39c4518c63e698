using Agent.Core.Executors.Argo;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;

namespace Agent.Tests.Argo.Watching;

/// <summary>
/// Issue 12 finding 4: a relist sends nothing for a run whose state has not changed, even one the registry no longer
/// holds; a run whose workflow is deleted while active gets a final <c>stopped</c> status and leaves the registry,
/// whether the watch saw the deletion or a relist found the workflow gone.
/// </summary>
public sealed class WorkflowWatcherRunTests
{
    /// <summary>A running run whose change, after another event on the same stream, proves that event was handled.</summary>
    private static readonly ArgoWorkflow Canary = WatchedWorkflows.Owned("canary", "Running", "91");

    private static readonly ArgoException ArgoDown = new(ArgoErrorKind.Unavailable, "Argo is down");

    [Fact]
    public async Task Relist_MoreFinishedRunsThanTheRegistryKeeps_SendsNothingForUnchangedRuns()
    {
        const int Runs = RunRegistry.FinishedRetention + 500;
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync([.. Enumerable.Range(0, Runs).Select(i => WatchedWorkflows.Owned($"run-{i}", "Succeeded", $"{i + 1}"))]);
        Assert.Equal(Runs, harness.Statuses().Count);

        await RelistAsync(harness);

        Assert.Equal(Runs, harness.Statuses().Count);
    }

    /// <summary>What a relist skips is a final state already passed on, not a run: one `argo retry` restarts is news again.</summary>
    [Fact]
    public async Task Watch_FinishedRunRetriedAndFinishedAgain_ReportsEachNewState()
    {
        await using var harness = new WatcherHarness();
        var first = WatchedWorkflows.Owned("run-1", "Failed", "90");
        await harness.StartWatchingAsync(first);

        harness.Argo.NextWatch()
            .Send("MODIFIED", first with { ResourceVersion = "101" })
            .Send("MODIFIED", WatchedWorkflows.Owned("run-1", "Running", "102"))
            .Send("MODIFIED", WatchedWorkflows.Owned("run-1", "Succeeded", "103", finishedAt: WatchedWorkflows.Created.AddMinutes(9)));
        await harness.WaitForStatusAsync("run-1", PipelineStates.Success);

        Assert.Equal(
            [PipelineStates.Failed, PipelineStates.Running, PipelineStates.Success],
            harness.Statuses().Select(status => status.PipelineState));
    }

    /// <summary>The run ids Argo holds follow the list and the deletions, so a pipeline.run can trust an unknown one is new.</summary>
    [Fact]
    public async Task ListThenDeleted_ArgoRunIds_HoldExactlyTheRunIdsArgoHolds()
    {
        await using var harness = new WatcherHarness();
        var running = WatchedWorkflows.Owned("run-1", "Running", "90");
        await harness.StartWatchingAsync(running, WatchedWorkflows.Owned("run-2", "Succeeded", "91"), Canary);
        Assert.True(harness.RunIds.Contains("run-1"));
        Assert.True(harness.RunIds.Contains("run-2"));

        await DeleteAsync(harness, running with { ResourceVersion = "101" });

        Assert.False(harness.RunIds.Contains("run-1"));
        Assert.True(harness.RunIds.Contains("run-2"));
    }

    [Fact]
    public async Task WatchDeleted_RunningRun_ReportsStoppedNamingTheDeletionAndForgetsTheRun()
    {
        await using var harness = new WatcherHarness();
        var running = WatchedWorkflows.Owned("run-1", "Running", "90");
        await harness.StartWatchingAsync(running, Canary);

        await DeleteAsync(harness, running with { ResourceVersion = "101" });

        AssertReportedDeleted(harness, "run-1", running.Name);
    }

    [Fact]
    public async Task WatchDeleted_RunWhoseLastStateIsFinal_ReportsThatStateAndForgetsTheRun()
    {
        await using var harness = new WatcherHarness();
        await harness.StartWatchingAsync(WatchedWorkflows.Owned("run-1", "Running", "90"), Canary);

        // Deleted at once on completion (ttlStrategy of 0 s): the MODIFIED to Succeeded was not seen, its DELETED carries it.
        await DeleteAsync(harness, WatchedWorkflows.Owned("run-1", "Succeeded", "101"));

        var last = harness.Statuses().Last(status => status.RunId == "run-1");
        Assert.Equal(PipelineStates.Success, last.PipelineState);
        Assert.Null(harness.Registry.Find("run-1"));
    }

    [Fact]
    public async Task WatchDeleted_FinishedRun_SendsNothing()
    {
        await using var harness = new WatcherHarness();
        var finished = WatchedWorkflows.Owned("run-1", "Succeeded", "90");
        await harness.StartWatchingAsync(finished, Canary);

        // Argo's TTL deleting a finished workflow is housekeeping, not news.
        await DeleteAsync(harness, finished with { ResourceVersion = "101" });

        Assert.Single(harness.Statuses(), status => status.RunId == "run-1");
    }

    [Fact]
    public async Task Relist_ActiveRunNoLongerListed_ReportsStoppedNamingTheDeletionAndForgetsTheRun()
    {
        await using var harness = new WatcherHarness();
        var running = WatchedWorkflows.Owned("run-1", "Running", "90");
        await harness.StartWatchingAsync(running);

        // Deleted while the watch was down: the next list no longer has it.
        harness.Argo.SetWorkflows([]);
        await RelistAsync(harness);

        AssertReportedDeleted(harness, "run-1", running.Name);
    }

    [Fact]
    public async Task Relist_RunRegisteredButNotYetListed_IsLeftAlone()
    {
        await using var harness = new WatcherHarness();

        // A pipeline.run registers its run before Argo's create returns: a list in between does not hold it yet.
        harness.Registry.GetOrAdd(new RunRecord("run-new", "svc.pipeline", "metadata", "om-watched-run-new", PipelineStates.Queued, WatchedWorkflows.Created));
        await harness.StartWatchingAsync();

        await RelistAsync(harness);

        Assert.Empty(harness.Statuses());
        Assert.Equal(PipelineStates.Queued, harness.Registry.Find("run-new")!.State);
    }

    /// <summary>
    /// Plays the DELETED of <paramref name="deleted"/>, then the canary's change on the same stream: once the canary is
    /// reported, the deletion was handled.
    /// </summary>
    private static async Task DeleteAsync(WatcherHarness harness, ArgoWorkflow deleted)
    {
        harness.Argo.NextWatch()
            .Send("DELETED", deleted)
            .Send("MODIFIED", WatchedWorkflows.Owned("canary", "Succeeded", "102"));
        await harness.WaitForStatusAsync("canary", PipelineStates.Success);
    }

    /// <summary>Fails the open watch, lets the retry delay pass, and waits for the list and the watch after it.</summary>
    private static async Task RelistAsync(WatcherHarness harness)
    {
        harness.Argo.NextWatch().End(ArgoDown);
        await harness.ElapseRetryDelayAsync();
        await harness.ExpectCallAsync("list");
        await harness.ExpectCallAsync("watch", "100");
    }

    private static void AssertReportedDeleted(WatcherHarness harness, string runId, string workflowName)
    {
        var last = harness.Statuses().Last(status => status.RunId == runId);
        Assert.Equal(PipelineStates.Stopped, last.PipelineState);
        Assert.Contains($"workflow {workflowName} was deleted", last.Message, StringComparison.Ordinal);
        Assert.NotNull(last.EndDate);
        Assert.Null(harness.Registry.Find(runId));
        Assert.DoesNotContain(harness.Registry.InFlight(), run => run.RunId == runId);
    }
}
