using Agent.Core.Logs;

namespace Agent.Core.Execution;

/// <summary>
/// Runs this agent's pipelines somewhere (Argo Workflows today). Every call sees only this agent's runs. A failure of
/// the system behind it is an <see cref="ExecutorException"/>; a cancellation is the caller's own.
/// </summary>
internal interface IRunExecutor
{
    ExecutorDescription Description { get; }

    /// <summary>The version of the system behind the executor, e.g. <c>v4.1.2</c>.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>Builds the run with the operator's customization and checks it against local policy; starts nothing.</summary>
    Task<RunPlan> PlanAsync(RunRequest run, CancellationToken cancellationToken);

    /// <summary>The run of <paramref name="runId"/> the executor already holds, whatever its name, or null.</summary>
    Task<EarlierRun?> FindEarlierRunAsync(string runId, CancellationToken cancellationToken);

    Task<RunStart> StartAsync(RunPlan plan, CancellationToken cancellationToken);

    /// <summary>Stops one run of the pipeline; a finished one is left as it is.</summary>
    Task<RunStop> StopRunAsync(string pipelineFqn, string runId, CancellationToken cancellationToken);

    /// <summary>Stops every unfinished run of the pipeline, each tried whatever happened to the others.</summary>
    Task<IReadOnlyList<RunStopResult>> StopPipelineRunsAsync(string pipelineFqn, CancellationToken cancellationToken);

    /// <summary>The pipeline's runs as the executor holds them now; every run of this agent when <paramref name="pipelineFqn"/> is null.</summary>
    Task<IReadOnlyList<RunView>> ListRunsAsync(string? pipelineFqn, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the log of the run (the pipeline's newest when <paramref name="runId"/> is null), paged as
    /// <see cref="LogPageCollector"/> pages it; null when the pipeline has no such run of this agent.
    /// </summary>
    Task<RunLogPage?> ReadLogPageAsync(string pipelineFqn, string? runId, int page, CancellationToken cancellationToken);

    /// <summary>Deletes every run of the pipeline; what is already gone counts as deleted.</summary>
    Task DeleteRunsAsync(string pipelineFqn, CancellationToken cancellationToken);
}
