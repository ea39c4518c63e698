namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// One list of this agent's Jobs and pods as slim records: the Jobs in list order, each Job's newest pod (its latest
/// attempt) and the two lists' resourceVersions, from which a watch resumes.
/// </summary>
internal sealed record TrackedRuns(
    IReadOnlyList<TrackedJob> Jobs, IReadOnlyDictionary<string, TrackedPod> NewestPods, string? JobsVersion, string? PodsVersion);
