using System.Text.RegularExpressions;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.Query;

namespace Agent.Sandbox.Argo.Api;

/// <summary>Which pods and lines a log request selects (FIDELITY §4.1, §4.2).</summary>
internal sealed record PodLogFilter(LabelSelector Selector, string PodName, string Container, Regex? Grep)
{
    /// <summary>
    /// A pod streams when it matches the selector and <c>podName</c>, has left Pending, and has the container asked
    /// for: the apiserver answers an empty or unknown container name with 400, which Argo logs and skips.
    /// </summary>
    public bool Streams(EmulatedPod pod, PodPhase phase) =>
        phase != PodPhase.Pending
        && (PodName.Length == 0 || PodName == pod.Name)
        && Container.Length > 0 && EmulatedPod.HasContainer(Container)
        && Selector.Matches(pod.Labels);

    public bool Keeps(string line) => Grep is null || Grep.IsMatch(line);

    /// <summary>The sandbox keeps only <c>main</c>'s output; <c>init</c> and <c>wait</c> exist but print nothing.</summary>
    public bool HasOutput => Container == EmulatedPod.MainContainer;
}
