using Agent.Core.Executors.Argo;
using Agent.Core.Runs;

namespace Agent.Tests.Runs;

/// <summary>Feeds a workflow to the reporter as the watcher does: read as the executor-neutral view first.</summary>
internal static class RunObserverExtensions
{
    public static ValueTask<bool> ObserveAsync(this RunStatusReporter reporter, ArgoWorkflow workflow, CancellationToken cancellationToken) =>
        reporter.ObserveAsync(ArgoRunViews.From(workflow), cancellationToken);
}
