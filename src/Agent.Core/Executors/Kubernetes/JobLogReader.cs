using System.Text;
using Agent.Core.Execution;
using Agent.Core.Logs;
using k8s;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Reads one page of a run's log: container <c>main</c> of the Job's newest pod (the latest attempt), paged by
/// <see cref="LogPageCollector"/> exactly as on the Argo path, and read only up to that page.
/// </summary>
internal static class JobLogReader
{
    public static async Task<RunLogPage> ReadPageAsync(OwnedJobs owned, V1Job job, int after, CancellationToken cancellationToken)
    {
        var name = job.Metadata.Name;
        var taskKey = LogPager.TaskKey(job.Metadata.Label(WorkflowLabels.PipelineType) ?? string.Empty);
        var pod = await owned.NewestPodAsync(job, cancellationToken);
        using var page = new LogPageCollector(after);
        if (pod?.Phase is "Running" or "Succeeded" or "Failed")
        {
            await using var stream = await owned.Client.CoreV1.ReadNamespacedPodLogAsync(
                pod.Name, owned.Namespace, container: IngestionPod.Container, cancellationToken: cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            while (await reader.ReadLineAsync(cancellationToken) is { } line && page.Add(Encoding.UTF8.GetBytes(line)))
            {
                // Each line goes to the page; reading stops once a byte past the requested page is seen.
            }
        }

        if (page.IsEmpty)
        {
            return new RunLogPage(RunLogPageStatus.NoLogs, taskKey, after, string.Empty, false, JobStates.IsFinished(job) || JobStates.IsStopped(job)
                ? $"logs of job '{name}' are no longer available: its pods were removed"
                : $"job '{name}' has no logs yet: its pod has not started");
        }

        return page.ReachedPage
            ? new RunLogPage(RunLogPageStatus.Page, taskKey, after, page.PageText, page.HasMore, null)
            : new RunLogPage(RunLogPageStatus.PastEnd, taskKey, after, string.Empty, false, $"'after' is {after}, but the log has {page.PagesSeen} pages");
    }
}
