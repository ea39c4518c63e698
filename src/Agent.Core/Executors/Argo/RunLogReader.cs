using Agent.Core.Execution;
using Agent.Core.Logs;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Reads one page of a run's own output, the main container of its latest attempt (not the exit handler's pod nor
/// earlier attempts'), from Argo's stream only up to that page. Shared by <c>pipeline.logs</c> and
/// <c>GET /admin/jobs/{runId}/logs</c>, so both page alike.
/// </summary>
internal static class RunLogReader
{
    /// <summary>Argo names the container of a container template <c>main</c>, whatever the template calls it.</summary>
    public const string Container = "main";

    public static async Task<RunLogPage> ReadPageAsync(IArgoWorkflowClient argo, ArgoWorkflow workflow, int after, CancellationToken cancellationToken)
    {
        var taskKey = LogPager.TaskKey(workflow.Label(WorkflowLabels.PipelineType) ?? string.Empty);
        var main = MainPod.Latest(workflow);
        using var page = new LogPageCollector(after);
        if (main is not null)
        {
            await argo.ReadPodLogAsync(workflow.Name, ArgoPodNames.For(workflow, main), Container, page.Add, cancellationToken);
        }

        if (page.IsEmpty)
        {
            return new RunLogPage(RunLogPageStatus.NoLogs, taskKey, after, string.Empty, false, workflow.IsCompleted
                ? $"logs of workflow '{workflow.Name}' are no longer available: its pods were removed after the run finished"
                : $"workflow '{workflow.Name}' has no logs yet: its pods have not started");
        }

        return page.ReachedPage
            ? new RunLogPage(RunLogPageStatus.Page, taskKey, after, page.PageText, page.HasMore, null)
            : new RunLogPage(RunLogPageStatus.PastEnd, taskKey, after, string.Empty, false, $"'after' is {after}, but the log has {page.PagesSeen} pages");
    }
}
