namespace Agent.Core.Execution;

/// <summary>
/// What an executor calls as it follows this agent's runs: each state it sees (started, changed, finished), each run
/// that is gone, and once it has seen every run it holds. Calls come from one loop at a time, in the order seen.
/// </summary>
internal interface IRunObserver
{
    /// <summary>The run is in <see cref="RunView.State"/> now; true when the agent follows it (a run it started or adopted).</summary>
    ValueTask<bool> ObserveAsync(RunView run, CancellationToken cancellationToken);

    /// <summary>
    /// The run is gone from the executor; <paramref name="last"/> is its final state (a run deleted while active is
    /// passed as stopped). Returns the run id of an active run now reported and forgotten, else null.
    /// </summary>
    ValueTask<string?> ObserveGoneAsync(RunView last, CancellationToken cancellationToken);

    /// <summary>Every run the executor holds has been observed once, so the agent's inventory is complete.</summary>
    void ObservedAll();
}
