namespace Agent.Core.Execution;

/// <summary>What <see cref="IRunExecutor.StartAsync"/> found.</summary>
internal enum RunStart
{
    /// <summary>The executor holds the run now, started by this call.</summary>
    Started,

    /// <summary>The run's name was taken by this same run (a replay): it runs already, once.</summary>
    AlreadyStarted,

    /// <summary>The run's name belongs to another run; nothing was started.</summary>
    NameTakenByAnotherRun,
}
