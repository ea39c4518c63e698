using System.Net;
using Agent.Core.Execution;
using k8s;
using k8s.Models;
using Polly;
using Polly.Retry;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Schedules as CronJobs: one per scheduled pipeline, created or replaced in place (the Jobs it already made stay), its
/// config in a Secret the CronJob owns, so deleting the CronJob removes it. Toggle is <c>spec.suspend</c>; delete is
/// always Background propagation (research-16 §1.8, §3.8).
/// </summary>
internal sealed class KubernetesPipelineScheduler(OwnedJobs owned, JobFactory factory) : IPipelineScheduler
{
    private const string Background = "Background";

    /// <summary>Two deploys of one pipeline may race; a 409 (stale resourceVersion, or created meanwhile) means "read again and apply".</summary>
    private static readonly ResiliencePipeline OnConflict = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => KubernetesFailures.Is(ex, HttpStatusCode.Conflict)),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
        })
        .Build();

    public Task<ScheduleResult> ScheduleAsync(ScheduleRequest schedule, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        var name = JobNames.ForSchedule(schedule.Template.PipelineFqn, schedule.Template.PipelineName);
        if (string.IsNullOrWhiteSpace(schedule.Schedule))
        {
            await DeleteAsync(name, cancellationToken);
            return new ScheduleResult(ScheduleStatus.NotScheduled);
        }

        var expression = ScheduleExpressions.ToCron(schedule.Schedule, out var scheduleProblem);
        if (expression is null)
        {
            return new ScheduleResult(ScheduleStatus.InvalidSchedule, Reason: scheduleProblem);
        }

        var cronJob = await CreateOrReplaceAsync(factory.BuildSchedule(schedule, expression), cancellationToken);
        await UpsertSecretAsync(factory.BuildSecret(schedule.Template, name, JobFactory.OwnerOf("batch/v1", "CronJob", cronJob.Metadata)), cancellationToken);
        return new ScheduleResult(ScheduleStatus.Scheduled, name);
    });

    public Task UnscheduleAsync(string pipelineFqn, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        foreach (var cronJob in (await owned.ListSchedulesAsync(pipelineFqn, cancellationToken)).Items)
        {
            await DeleteAsync(cronJob.Metadata.Name, cancellationToken);
        }
    });

    public Task<bool> SetSuspendedAsync(string pipelineFqn, bool suspended, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        var cronJobs = (await owned.ListSchedulesAsync(pipelineFqn, cancellationToken)).Items;
        foreach (var cronJob in cronJobs)
        {
            await owned.Client.BatchV1.PatchNamespacedCronJobAsync(
                new V1Patch(new { spec = new { suspend = suspended } }, V1Patch.PatchType.MergePatch), cronJob.Metadata.Name, owned.Namespace, cancellationToken: cancellationToken);
        }

        return cronJobs.Count > 0;
    });

    private Task<V1CronJob> CreateOrReplaceAsync(V1CronJob cronJob, CancellationToken cancellationToken) =>
        OnConflict.ExecuteAsync(
            async token =>
            {
                var name = cronJob.Metadata.Name;
                try
                {
                    var existing = await owned.Client.BatchV1.ReadNamespacedCronJobAsync(name, owned.Namespace, cancellationToken: token);
                    cronJob.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                    return await owned.Client.BatchV1.ReplaceNamespacedCronJobAsync(cronJob, name, owned.Namespace, cancellationToken: token);
                }
                catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.NotFound))
                {
                    cronJob.Metadata.ResourceVersion = null;
                    return await owned.Client.BatchV1.CreateNamespacedCronJobAsync(cronJob, owned.Namespace, cancellationToken: token);
                }
            },
            cancellationToken).AsTask();

    private Task UpsertSecretAsync(V1Secret secret, CancellationToken cancellationToken) =>
        OnConflict.ExecuteAsync(
            async token =>
            {
                try
                {
                    await owned.Client.CoreV1.ReplaceNamespacedSecretAsync(secret, secret.Metadata.Name, owned.Namespace, cancellationToken: token);
                }
                catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.NotFound))
                {
                    await owned.Client.CoreV1.CreateNamespacedSecretAsync(secret, owned.Namespace, cancellationToken: token);
                }
            },
            cancellationToken).AsTask();

    /// <summary>The CronJob with Background propagation: its Jobs, their pods and its config Secret go with it.</summary>
    private async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await owned.Client.BatchV1.DeleteNamespacedCronJobAsync(name, owned.Namespace, propagationPolicy: Background, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.NotFound))
        {
            // None counts as removed.
        }
    }
}
