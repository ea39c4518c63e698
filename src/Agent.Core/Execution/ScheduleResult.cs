namespace Agent.Core.Execution;

/// <summary>What <see cref="IPipelineScheduler.ScheduleAsync"/> did: the schedule's name, or why nothing was deployed.</summary>
internal sealed record ScheduleResult(ScheduleStatus Status, string? Name = null, string? Reason = null);
