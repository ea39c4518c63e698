using Agent.Core.Executors.Argo.Building;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Execution;
using Polly;
using Polly.Retry;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Schedules as Argo CronWorkflows: one per scheduled pipeline, created or updated in place (no duplicate, and the runs
/// it already made stay), built by the same path as a run (<see cref="ArgoRunBuilder"/>).
/// </summary>
internal sealed class ArgoPipelineScheduler(IArgoCronWorkflowClient cron, OwnedWorkflows owned, ArgoRunBuilder builder) : IPipelineScheduler
{
    /// <summary>Two deploys of one pipeline may race; a conflict means "read the new version and apply again".</summary>
    private static readonly ResiliencePipeline OnConflict = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ArgoException>(ex => ex.Kind == ArgoErrorKind.AlreadyExists),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
        })
        .Build();

    public Task<ScheduleResult> ScheduleAsync(ScheduleRequest schedule, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        var name = CronWorkflowFactory.NameFor(schedule.Template.PipelineFqn, schedule.Template.PipelineName);
        if (string.IsNullOrWhiteSpace(schedule.Schedule))
        {
            await cron.DeleteAsync(name, cancellationToken);
            return new ScheduleResult(ScheduleStatus.NotScheduled);
        }

        var expression = ScheduleExpressions.ToCron(schedule.Schedule, out var scheduleProblem);
        if (expression is null)
        {
            return new ScheduleResult(ScheduleStatus.InvalidSchedule, Reason: scheduleProblem);
        }

        var (cronWorkflow, refusal) = await builder.BuildScheduleAsync(schedule, expression, cancellationToken);
        if (refusal is not null)
        {
            return new ScheduleResult(ScheduleStatus.Refused, Reason: refusal);
        }

        await CreateOrUpdateAsync(name, cronWorkflow, cancellationToken);
        return new ScheduleResult(ScheduleStatus.Scheduled, name);
    });

    public Task UnscheduleAsync(string pipelineFqn, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        foreach (var name in await owned.ListSchedulesAsync(pipelineFqn, cancellationToken))
        {
            await cron.DeleteAsync(name, cancellationToken);
        }
    });

    public Task<bool> SetSuspendedAsync(string pipelineFqn, bool suspended, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        var names = await owned.ListSchedulesAsync(pipelineFqn, cancellationToken);
        foreach (var name in names)
        {
            await cron.SetSuspendedAsync(name, suspended, cancellationToken);
        }

        return names.Count > 0;
    });

    private Task CreateOrUpdateAsync(string name, CronWorkflow cronWorkflow, CancellationToken cancellationToken) =>
        OnConflict.ExecuteAsync(
            async token =>
            {
                var version = await cron.GetResourceVersionAsync(name, token);
                if (version is null)
                {
                    await cron.CreateAsync(cronWorkflow, token);
                }
                else
                {
                    cronWorkflow.Metadata!.ResourceVersion = version;
                    await cron.UpdateAsync(cronWorkflow, token);
                }
            },
            cancellationToken).AsTask();
}
