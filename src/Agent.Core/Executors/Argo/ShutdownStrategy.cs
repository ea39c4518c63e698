namespace Agent.Core.Executors.Argo;

/// <summary>How to end a running workflow (Argo notes §3).</summary>
internal enum ShutdownStrategy
{
    /// <summary>Stop: running steps are stopped, the exit handler still runs and records the run as failed.</summary>
    Stop,

    /// <summary>Terminate: everything ends at once, exit handlers included.</summary>
    Terminate,
}
