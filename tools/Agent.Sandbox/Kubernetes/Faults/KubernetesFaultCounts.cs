namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// What the Kubernetes API received and what faults it injected (<c>GET /sandbox/kubernetes/faults</c>), so a test can
/// prove its faults happened and count calls: <see cref="Requests"/> is keyed by <see cref="KubeCall"/>
/// (<c>"create jobs"</c>), every call counted once whatever its fate.
/// </summary>
internal sealed record KubernetesFaultCounts(
    long Errors, long LostResponses, long Delayed, long WatchFailures, long WatchesEndedAtOnce, IReadOnlyDictionary<string, long> Requests)
{
    /// <summary>How many calls of this verb on this resource arrived, e.g. <c>Of("create", "jobs")</c>.</summary>
    public long Of(string verb, string resource) => Requests.GetValueOrDefault($"{verb} {resource}");
}
