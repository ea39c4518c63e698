using System.Globalization;
using System.Net;
using Agent.Core.Execution;
using Agent.Core.Logs;
using k8s;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The executor seam on plain Kubernetes Jobs (<c>EXECUTOR_TYPE=simpleK8s</c>): one Job per run, named from the run id,
/// its config in a Secret the Job owns, reached only through this agent's own objects (<see cref="OwnedJobs"/>). The
/// API server's failures leave it as <see cref="ExecutorException"/> (<see cref="KubernetesFailures"/>).
/// </summary>
internal sealed class KubernetesRunExecutor(OwnedJobs owned, JobFactory factory, TimeProvider timeProvider) : IRunExecutor
{
    /// <summary><c>hello.executor.kind</c>: the chart's own name for this executor.</summary>
    public const string Kind = "simpleK8s";

    /// <summary><c>service.status.platform</c> and every result's <c>platform</c>.</summary>
    public const string Platform = "Kubernetes";

    private static readonly string Background = "Background";

    public ExecutorDescription Description => new(Kind, Platform, owned.Namespace);

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        KubernetesFailures.GuardAsync(async () => (await owned.Client.Version.GetCodeAsync(cancellationToken)).GitVersion);

    public Task<RunPlan> PlanAsync(RunRequest run, CancellationToken cancellationToken) =>
        Task.FromResult<RunPlan>(new KubernetesRunPlan(run, factory.BuildRun(run)));

    /// <summary>Found by this agent's run-id label, whatever the pipeline name it was sent with.</summary>
    public Task<EarlierRun?> FindEarlierRunAsync(string runId, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        var jobs = await owned.ListJobsAsync(owned.RunSelector(runId), cancellationToken);
        var earlier = jobs.Items.Where(job => JobStates.RunIdOf(job) == runId).MinBy(job => job.Metadata.CreationTimestamp);
        return earlier is null ? null : new EarlierRun(earlier.Metadata.Name, earlier.Metadata.Annotation(WorkflowLabels.PipelineFqnAnnotation));
    });

    /// <summary>
    /// Job (suspended), then its Secret owned by the Job's uid, then resume. The Job's name derives from the run id, so a
    /// replay meets 409 AlreadyExists; its run-id annotation tells a replay from another run, and a replay finishes what
    /// an interrupted start left undone (no Secret yet, still suspended).
    /// </summary>
    public Task<RunStart> StartAsync(RunPlan plan, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        var job = (plan as KubernetesRunPlan ?? throw new ArgumentException("the plan was not made by this executor", nameof(plan))).Job;
        V1Job created;
        var start = RunStart.Started;
        try
        {
            created = await owned.Client.BatchV1.CreateNamespacedJobAsync(job, owned.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.Conflict))
        {
            created = await owned.Client.BatchV1.ReadNamespacedJobAsync(plan.WorkflowName, owned.Namespace, cancellationToken: cancellationToken);
            if (JobStates.RunIdOf(created) != plan.Run.RunId)
            {
                return RunStart.NameTakenByAnotherRun;
            }

            start = RunStart.AlreadyStarted;
        }

        if (created.Spec.Suspend == true && !JobStates.IsStopped(created))
        {
            await CreateSecretAsync(plan.Run, created, cancellationToken);
            await PatchAsync(created.Metadata.Name, new { spec = new { suspend = false } }, cancellationToken);
        }

        return start;
    });

    public Task<RunStop> StopRunAsync(string pipelineFqn, string runId, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        var job = await owned.FindAsync(pipelineFqn, runId, cancellationToken);
        if (job is null)
        {
            return RunStop.NotFound;
        }

        if (JobStates.IsFinished(job) || JobStates.IsStopped(job))
        {
            return RunStop.AlreadyFinished;
        }

        await StopAsync(job.Metadata.Name, cancellationToken);
        return RunStop.Stopped;
    });

    /// <summary>One run that cannot be stopped does not keep the others running.</summary>
    public Task<IReadOnlyList<RunStopResult>> StopPipelineRunsAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        KubernetesFailures.GuardAsync<IReadOnlyList<RunStopResult>>(async () =>
        {
            var jobs = await owned.ListJobsAsync(owned.PipelineSelector(pipelineFqn), cancellationToken);
            var results = new List<RunStopResult>();
            foreach (var job in jobs.Items.Where(job => !JobStates.IsFinished(job) && !JobStates.IsStopped(job)))
            {
                var runId = JobStates.RunIdOf(job) ?? job.Metadata.Name;
                try
                {
                    await StopAsync(job.Metadata.Name, cancellationToken);
                    results.Add(new RunStopResult(runId, job.Metadata.Name, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Add(new RunStopResult(runId, job.Metadata.Name, KubernetesFailures.ToExecutor(ex)));
                }
            }

            return results;
        });

    public Task<IReadOnlyList<RunView>> ListRunsAsync(string? pipelineFqn, CancellationToken cancellationToken) =>
        KubernetesFailures.GuardAsync<IReadOnlyList<RunView>>(async () =>
        {
            var runs = await owned.ListTrackedAsync(pipelineFqn is null ? owned.Selector : owned.PipelineSelector(pipelineFqn), cancellationToken);
            return [.. runs.Jobs.Select(job => JobStates.From(job, runs.NewestPods.GetValueOrDefault(job.Name)))];
        });

    public Task<RunLogPage?> ReadLogPageAsync(string pipelineFqn, string? runId, int page, CancellationToken cancellationToken) =>
        KubernetesFailures.GuardAsync(async () =>
        {
            var job = await owned.FindAsync(pipelineFqn, runId, cancellationToken);
            return job is null ? null : await JobLogReader.ReadPageAsync(owned, job, page, cancellationToken);
        });

    /// <summary>
    /// Background propagation, always sent: a batch/v1 Job deleted without a policy orphans its pods (K8S
    /// pkg/registry/batch/job/storage/storage.go deleteOptionWarnings, research-16 §3.8); the garbage collector then
    /// removes the pods and the owned config Secret.
    /// </summary>
    public Task DeleteRunsAsync(string pipelineFqn, CancellationToken cancellationToken) => KubernetesFailures.GuardAsync(async () =>
    {
        foreach (var job in (await owned.ListJobsAsync(owned.PipelineSelector(pipelineFqn), cancellationToken)).Items)
        {
            try
            {
                await owned.Client.BatchV1.DeleteNamespacedJobAsync(job.Metadata.Name, owned.Namespace, propagationPolicy: Background, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.NotFound))
            {
                // Already gone: deleted counts.
            }
        }
    });

    /// <summary>
    /// Stops a run by suspending its Job: the Job controller deletes the active pod (SIGTERM, then SIGKILL after the grace
    /// period) and starts no other, without counting a failure, and the annotation tells this agent and the next one that
    /// the run was stopped on request. Not OpenMetadata's Orphan delete of the Job (research-16 §1.7): that leaves the
    /// pod running with nothing left to stop or collect it. Not a pod delete either: the controller would count a failure
    /// and start the next attempt.
    /// </summary>
    private Task<V1Job> StopAsync(string jobName, CancellationToken cancellationToken) => PatchAsync(
        jobName,
        new
        {
            metadata = new { annotations = new Dictionary<string, string> { [JobStates.StoppedAnnotation] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) } },
            spec = new { suspend = true },
        },
        cancellationToken);

    private Task<V1Job> PatchAsync(string jobName, object patch, CancellationToken cancellationToken) =>
        owned.Client.BatchV1.PatchNamespacedJobAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), jobName, owned.Namespace, cancellationToken: cancellationToken);

    private async Task CreateSecretAsync(RunRequest run, V1Job job, CancellationToken cancellationToken)
    {
        var secret = factory.BuildSecret(run, job.Metadata.Name, JobFactory.OwnerOf("batch/v1", "Job", job.Metadata));
        try
        {
            await owned.Client.CoreV1.CreateNamespacedSecretAsync(secret, owned.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (KubernetesFailures.Is(ex, HttpStatusCode.Conflict))
        {
            // An interrupted start made it already; the config is the same run's.
        }
    }
}
