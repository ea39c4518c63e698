namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The part of a Job the agent keeps: what <see cref="JobStates"/> reads, taken once from each event or list by
/// <see cref="JobStates.Track(k8s.Models.V1Job)"/>, so the deserialized <c>V1Job</c> (its whole pod template, with env,
/// resources and volumes) is garbage at once. The Job watcher holds one per Job of this agent: keeping the whole
/// objects cost about 17 KB a run at 10,000 runs (docs/benchmarks.md §4), as whole workflows once did on the Argo path.
/// <c>EndedAt</c> is when it completed, failed or was stopped, read only once the run is finished; <c>FailureMessage</c>
/// is its <c>Failed</c> condition's; <c>IsStopped</c>: it carries <see cref="JobStates.StoppedAnnotation"/>.
/// </summary>
internal sealed record TrackedJob(
    string Name,
    string? RunId,
    string? PipelineFqn,
    string? PipelineType,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    bool IsComplete,
    bool IsFailed,
    string? FailureMessage,
    bool IsStopped);
