namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Whether the workflow's pod exists, which decides whether the log API can return anything.</summary>
internal enum PodState
{
    NotCreated,
    Running,
    Completed,
    Deleted,
}
