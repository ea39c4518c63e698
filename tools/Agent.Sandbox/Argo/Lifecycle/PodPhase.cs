namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Kubernetes pod phases the emulated pods go through.</summary>
internal enum PodPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
