namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The part of a Job's pod the agent keeps (<see cref="JobStates.Track(k8s.Models.V1Pod)"/>): enough to tell the
/// newest attempt and to map its state, without the pod's spec and full status. <c>IsDeleting</c>: it has a
/// <c>deletionTimestamp</c>; <c>Waiting</c> is why its container waits (<c>reason: message</c>) and
/// <c>TerminatedReason</c> why it ended, if it has.
/// </summary>
internal sealed record TrackedPod(
    string Name,
    DateTime? CreatedAt,
    string? Phase,
    bool IsDeleting,
    string? Waiting,
    string? TerminatedReason)
{
    /// <summary>The newest pod: with <c>restartPolicy: Never</c> each attempt is a new pod, so this is the latest attempt.</summary>
    public static TrackedPod? Newest(IEnumerable<TrackedPod> pods) => pods.MaxBy(pod => (pod.CreatedAt, pod.Name));
}
