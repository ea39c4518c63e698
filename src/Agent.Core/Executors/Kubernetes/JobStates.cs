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
/// The state is read from the slim <see cref="TrackedJob"/> and <see cref="TrackedPod"/> that <c>Track</c> makes, so the
/// watcher, which keeps those, and a list, which maps whole objects, decide it the same way.
/// </summary>
internal static class JobStates
{
    /// <summary>Set with <c>spec.suspend</c> when the agent stops a run, so a restarted agent reads it as stopped.</summary>
    public const string StoppedAnnotation = "hybrid-agent/stopped-at";

    public static RunView From(V1Job job, V1Pod? newestPod) => From(Track(job), newestPod is null ? null : Track(newestPod));

    public static RunView From(TrackedJob job, TrackedPod? newestPod)
    {
        var (state, message) = StateOf(job, newestPod);
        var finished = PipelineStates.IsTerminal(state);
        return new RunView(job.Name, job.RunId, job.PipelineFqn, job.PipelineType, state, message, job.CreatedAt, job.StartedAt, finished ? job.EndedAt : null, finished)
        {
            Phase = job.IsComplete ? "Complete" : job.IsFailed ? "Failed" : newestPod?.Phase ?? "Pending",
            ExecutorMessage = job.FailureMessage,
            AttemptMessage = newestPod?.Waiting ?? newestPod?.TerminatedReason,
        };
    }

    /// <summary>What the agent keeps of a Job: the one place that reads a <c>V1Job</c>'s status for its state.</summary>
    public static TrackedJob Track(V1Job job)
    {
        var metadata = job.Metadata;
        var failed = Condition(job, "Failed");
        return new TrackedJob(
            metadata.Name,
            RunIdOf(job),
            metadata.Annotation(WorkflowLabels.PipelineFqnAnnotation),
            metadata.Label(WorkflowLabels.PipelineType),
            metadata.CreationTimestamp is { } created ? Utc(created) : null,
            job.Status?.StartTime is { } started ? Utc(started) : null,
            EndedAt(job, failed),
            Condition(job, "Complete") is not null,
            failed is not null,
            failed?.Message,
            IsStopped(job));
    }

    /// <summary>What the agent keeps of a pod: its first container's state is the ingestion container's.</summary>
    public static TrackedPod Track(V1Pod pod)
    {
        var container = pod.Status?.ContainerStatuses?.FirstOrDefault()?.State;
        return new TrackedPod(
            pod.Metadata.Name,
            pod.Metadata.CreationTimestamp,
            pod.Status?.Phase,
            pod.Metadata.DeletionTimestamp is not null,
            container?.Waiting is { Reason: { Length: > 0 } reason } waiting
                ? string.IsNullOrEmpty(waiting.Message) ? reason : $"{reason}: {waiting.Message}"
                : null,
            container?.Terminated?.Reason);
    }

    /// <summary>The run id: the annotation of an on-demand run, else (a CronJob's run) the Job's uid, which its pods also carry.</summary>
    public static string? RunIdOf(V1Job job) =>
        job.Metadata.Annotation(WorkflowLabels.RunIdAnnotation)
        ?? (job.Metadata.Annotations?.ContainsKey(WorkflowLabels.PipelineFqnAnnotation) == true ? job.Metadata.Uid : null);

    public static bool IsFinished(V1Job job) => Condition(job, "Complete") is not null || Condition(job, "Failed") is not null;

    public static bool IsStopped(V1Job job) => job.Metadata.Annotations?.ContainsKey(StoppedAnnotation) == true;

    private static (string State, string? Message) StateOf(TrackedJob job, TrackedPod? pod)
    {
        if (job.IsComplete)
        {
            return (PipelineStates.Success, null);
        }

        if (job.IsFailed)
        {
            return (job.IsStopped ? PipelineStates.Stopped : PipelineStates.Failed, job.FailureMessage);
        }

        if (job.IsStopped)
        {
            // Suspending deletes the pod; until it is gone the run is still stopping.
            return pod?.Phase is "Running" or "Pending" && !pod.IsDeleting
                ? (PipelineStates.Running, null)
                : (PipelineStates.Stopped, "stopped on request");
        }

        // A Succeeded pod of a Job not yet Complete: the controller writes the condition in a later update, and the run
        // must not step back to queued in between. A Failed one means a retry after back-off: queued again.
        return pod?.Phase is "Running" or "Succeeded"
            ? (PipelineStates.Running, null)
            : (PipelineStates.Queued, pod?.Waiting);
    }

    private static V1JobCondition? Condition(V1Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type && condition.Status == "True");

    private static DateTimeOffset? EndedAt(V1Job job, V1JobCondition? failed) =>
        job.Status?.CompletionTime is { } completed ? Utc(completed)
        : (failed ?? Condition(job, "Suspended"))?.LastTransitionTime is { } transition ? Utc(transition)
        : DateTimeOffset.TryParse(job.Metadata.Annotation(StoppedAnnotation), System.Globalization.CultureInfo.InvariantCulture, out var stopped) ? stopped
        : null;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
