namespace Agent.Core.Execution;

/// <summary>What <see cref="IRunExecutor.StopRunAsync"/> found.</summary>
internal enum RunStop
{
    /// <summary>The pipeline has no run of that id of this agent.</summary>
    NotFound,

    /// <summary>The run had finished; it is left as it is.</summary>
    AlreadyFinished,

    /// <summary>The run is stopping.</summary>
    Stopped,
}
