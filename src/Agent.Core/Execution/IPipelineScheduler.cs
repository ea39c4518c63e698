namespace Agent.Core.Execution;

/// <summary>The schedules of this agent's pipelines, on the same executor as their runs.</summary>
internal interface IPipelineScheduler
{
    /// <summary>Creates or updates the pipeline's one schedule in place, or removes it when the request has none.</summary>
    Task<ScheduleResult> ScheduleAsync(ScheduleRequest schedule, CancellationToken cancellationToken);

    /// <summary>Removes the pipeline's schedule; none counts as removed.</summary>
    Task UnscheduleAsync(string pipelineFqn, CancellationToken cancellationToken);

    /// <summary>Suspends or resumes the pipeline's schedule; false when it has none.</summary>
    Task<bool> SetSuspendedAsync(string pipelineFqn, bool suspended, CancellationToken cancellationToken);
}
