using Agent.Sandbox.Argo.Image;
using Agent.Sandbox.Argo.Lifecycle;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>What the kubelet holds for one pod besides its stored object: the main container's log, the program it
/// runs, and the timer of its next step.</summary>
internal sealed class PodRuntime
{
    public ContainerLog Log { get; } = new();

    public ProgramRun? Run { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>Why the container has not started (e.g. CreateContainerConfigError), or null while it is creating.</summary>
    public string? WaitingReason { get; set; } = "ContainerCreating";

    public bool Terminated { get; set; }
}
