using Agent.Core.Protocol.Messages;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// What the watcher does with what it sees (issue 12, finding 4). A finished workflow whose final state was already
/// passed on is skipped, so a relist sends nothing for an unchanged run even when the registry has evicted it. A run
/// whose workflow is deleted while active, seen as a <c>DELETED</c> event or as a workflow a relist no longer holds, gets
/// its final status and leaves the registry. Only runs the watcher has seen in Argo can be missing from a list: a run a
/// <c>pipeline.run</c> registered before Argo's create returned is not in the list yet, and is not gone.
/// </summary>
internal sealed partial class WorkflowWatcher
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private async Task RelistAsync(string selector, CancellationToken cancellationToken)
    {
        var page = await argo.ListWorkflowsAsync(selector, cancellationToken);
        foreach (var workflow in page.Workflows.OrderBy(workflow => workflow.CreatedAt))
        {
            await ObserveAsync(workflow, cancellationToken);
        }

        var listed = page.Workflows.Select(workflow => workflow.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _active.Values.Where(workflow => !listed.Contains(workflow.Name)).ToList())
        {
            await ObserveGoneAsync(gone, cancellationToken);
        }

        _reportedFinals.KeepOnly(page.Workflows);
        runIds.KeepOnly(page.Workflows.Select(workflow => workflow.RunId));
        _resourceVersion = page.ResourceVersion;
        observer.ObservedAll();
        Log.Listed(logger, page.Workflows.Count, _resourceVersion);
    }

    private async Task ObserveChangeAsync(WorkflowEvent change, CancellationToken cancellationToken)
    {
        if (change.Type == "DELETED")
        {
            await ObserveGoneAsync(change.Workflow, cancellationToken);
            return;
        }

        await ObserveAsync(change.Workflow, cancellationToken);
    }

    private async Task ObserveAsync(ArgoWorkflow workflow, CancellationToken cancellationToken)
    {
        runIds.Add(workflow.RunId);
        var finished = PipelineStates.IsTerminal(WorkflowPhases.ToPipelineState(workflow));
        if (finished && _reportedFinals.Contains(workflow))
        {
            return;
        }

        var followed = await observer.ObserveAsync(ArgoRunViews.From(workflow), cancellationToken);
        if (finished)
        {
            _active.Remove(workflow.Name);
            _reportedFinals.Add(workflow);
        }
        else if (followed)
        {
            // Kept to report the run should its workflow vanish; an active run restarted by `argo retry` is news again.
            // Only what that report reads (name, phase, times): the registry holds the run itself, and at 10,000 active
            // runs the labels, annotations and nodes would be most of the agent's heap.
            _active[workflow.Name] = workflow with { Labels = NoMetadata, Annotations = NoMetadata, Nodes = [] };
            _reportedFinals.Remove(workflow.Name);
        }
    }

    /// <summary><paramref name="last"/> is the workflow's last state: from its DELETED event, or as last seen before a list lacked it.</summary>
    private async Task ObserveGoneAsync(ArgoWorkflow last, CancellationToken cancellationToken)
    {
        _active.Remove(last.Name);
        _reportedFinals.Remove(last.Name);
        runIds.Remove(last.RunId);

        // A run whose last state is final (deleted right after it ended, before its change was seen) reports that state.
        // The observer ignores what it never followed or already saw finish: Argo's TTL removing it is housekeeping, not news.
        var final = PipelineStates.IsTerminal(WorkflowPhases.ToPipelineState(last))
            ? last
            : DeletedWorkflow.AsStopped(last, timeProvider.GetUtcNow());
        if (await observer.ObserveGoneAsync(ArgoRunViews.From(final), cancellationToken) is { } runId)
        {
            Log.RunDeleted(logger, runId, last.Name);
        }
    }
}
