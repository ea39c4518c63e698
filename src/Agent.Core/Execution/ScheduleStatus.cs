namespace Agent.Core.Execution;

internal enum ScheduleStatus
{
    /// <summary>The schedule was created or updated in place.</summary>
    Scheduled,

    /// <summary>The pipeline has no schedule: any schedule it had is removed.</summary>
    NotScheduled,

    /// <summary>The schedule's text is not one the executor can run (<see cref="ScheduleResult.Reason"/> says why).</summary>
    InvalidSchedule,

    /// <summary>Local policy forbids the scheduled runs (<see cref="ScheduleResult.Reason"/> says why).</summary>
    Refused,
}
