namespace Agent.Core.Execution;

/// <summary>
/// A pipeline's schedule as the control plane deploys it. <see cref="Template"/> is what each scheduled run gets (its
/// run id is the executor's to choose); <see cref="Schedule"/> is the text sent (a preset or a cron expression), none
/// for a pipeline that is only run on request.
/// </summary>
internal sealed record ScheduleRequest(RunRequest Template, string? Schedule, string? Timezone, bool Enabled);
