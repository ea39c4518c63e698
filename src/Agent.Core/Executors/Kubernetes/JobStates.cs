using Agent.Core.Execution;
using Agent.Core.Protocol.Messages;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// A Job and its newest pod (the latest attempt) as the executor-neutral <see cref="RunView"/>. Job conditions decide
/// a finished run: <c>Complete</c> → success; <c>Failed</c> (<c>BackoffLimitExceeded</c>, <c>DeadlineExceeded</c>) →
/// failed, as Argo's Failed phase maps; a Job the agent stopped (<see cref="StoppedAnnotation"/>) → stopped once its pod
/// is gone. Before that the pod phase decides: a Running pod (or a Succeeded one, until <c>Complete</c> is written) →
/// running; a Pending pod, or none yet (just created, or in retry back-off) → queued. The Job controller counts a
/// Pending pod in <c>status.active</c>, so <c>active</c> alone cannot tell queued from running (research-16 §1.6, §3.4,
/// §3.5; K8S staging/src/k8s.io/api/batch/v1/types.go).
/// </summary>
internal static class JobStates
{
    /// <summary>Set with <c>spec.suspend</c> when the agent stops a run, so a restarted agent reads it as stopped.</summary>
    public const string StoppedAnnotation = "hybrid-agent/stopped-at";

    public static RunView From(V1Job job, V1Pod? newestPod)
    {
        var (state, message) = StateOf(job, newestPod);
        var finished = PipelineStates.IsTerminal(state);
        var metadata = job.Metadata;
        return new RunView(
            metadata.Name,
            RunIdOf(job),
            metadata.Annotation(WorkflowLabels.PipelineFqnAnnotation),
            metadata.Label(WorkflowLabels.PipelineType),
            state,
            message,
            metadata.CreationTimestamp is { } created ? Utc(created) : null,
            job.Status?.StartTime is { } started ? Utc(started) : null,
            finished ? FinishedAt(job) : null,
            finished)
        {
            Phase = Condition(job, "Complete") is not null ? "Complete" : Condition(job, "Failed") is not null ? "Failed" : newestPod?.Status?.Phase ?? "Pending",
            ExecutorMessage = Condition(job, "Failed")?.Message,
            AttemptMessage = Waiting(newestPod) ?? newestPod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Terminated?.Reason,
        };
    }

    /// <summary>The run id: the annotation of an on-demand run, else (a CronJob's run) the Job's uid, which its pods also carry.</summary>
    public static string? RunIdOf(V1Job job) =>
        job.Metadata.Annotation(WorkflowLabels.RunIdAnnotation)
        ?? (job.Metadata.Annotations?.ContainsKey(WorkflowLabels.PipelineFqnAnnotation) == true ? job.Metadata.Uid : null);

    public static bool IsFinished(V1Job job) => Condition(job, "Complete") is not null || Condition(job, "Failed") is not null;

    public static bool IsStopped(V1Job job) => job.Metadata.Annotations?.ContainsKey(StoppedAnnotation) == true;

    private static (string State, string? Message) StateOf(V1Job job, V1Pod? pod)
    {
        if (Condition(job, "Complete") is not null)
        {
            return (PipelineStates.Success, null);
        }

        if (Condition(job, "Failed") is { } failed)
        {
            return (IsStopped(job) ? PipelineStates.Stopped : PipelineStates.Failed, failed.Message);
        }

        if (IsStopped(job))
        {
            // Suspending deletes the pod; until it is gone the run is still stopping.
            return pod?.Status?.Phase is "Running" or "Pending" && pod.Metadata.DeletionTimestamp is null
                ? (PipelineStates.Running, null)
                : (PipelineStates.Stopped, "stopped on request");
        }

        // A Succeeded pod of a Job not yet Complete: the controller writes the condition in a later update, and the run
        // must not step back to queued in between. A Failed one means a retry after back-off: queued again.
        return pod?.Status?.Phase is "Running" or "Succeeded"
            ? (PipelineStates.Running, null)
            : (PipelineStates.Queued, Waiting(pod));
    }

    private static string? Waiting(V1Pod? pod) =>
        pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting is { Reason: { Length: > 0 } reason } waiting
            ? string.IsNullOrEmpty(waiting.Message) ? reason : $"{reason}: {waiting.Message}"
            : null;

    private static V1JobCondition? Condition(V1Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type && condition.Status == "True");

    private static DateTimeOffset? FinishedAt(V1Job job) =>
        job.Status?.CompletionTime is { } completed ? Utc(completed)
        : (Condition(job, "Failed") ?? Condition(job, "Suspended"))?.LastTransitionTime is { } transition ? Utc(transition)
        : DateTimeOffset.TryParse(job.Metadata.Annotation(StoppedAnnotation), System.Globalization.CultureInfo.InvariantCulture, out var stopped) ? stopped
        : null;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
