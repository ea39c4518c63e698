namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>A consistent read of a workflow's pods: each with its phase at that moment, whether the workflow is fulfilled, and the next change.</summary>
internal sealed record PodsView(IReadOnlyList<(EmulatedPod Pod, PodPhase Phase)> Pods, bool Fulfilled, Task Changed);
