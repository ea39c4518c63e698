using Agent.Core.Execution;
using k8s;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The one gateway to this agent's own Jobs, pods and CronJobs: every list is narrowed by the agent id it was built
/// with, so no caller can reach another agent's runs. Calls by name act on names these lists returned.
/// </summary>
internal sealed class OwnedJobs(IKubernetes client, JobFactory factory, string agentId)
{
    /// <summary>The label the Job controller puts on every pod of a Job (K8S pkg/registry/batch/job/strategy.go).</summary>
    public const string JobNameLabel = "job-name";

    /// <summary>Selects every Job, pod and CronJob of this agent (pods carry the template's labels).</summary>
    public string Selector { get; } = WorkflowLabels.SelectorForAgent(agentId);

    public string Namespace => factory.Namespace;

    public IKubernetes Client => client;

    public string PipelineSelector(string pipelineFqn) => $"{Selector},{WorkflowLabels.Pipeline}={LabelValues.ForPipeline(pipelineFqn)}";

    public string RunSelector(string runId) => $"{Selector},{WorkflowLabels.RunId}={LabelValues.ForFreeText(runId)}";

    public Task<V1JobList> ListJobsAsync(string selector, CancellationToken cancellationToken) =>
        client.BatchV1.ListNamespacedJobAsync(Namespace, labelSelector: selector, cancellationToken: cancellationToken);

    public Task<V1PodList> ListPodsAsync(string selector, CancellationToken cancellationToken) =>
        client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: selector, cancellationToken: cancellationToken);

    /// <summary>
    /// The Jobs and pods under <paramref name="selector"/>, mapped once to their slim records, so the whole lists are
    /// garbage as soon as this returns (at 10,000 runs they are 10,000 whole objects each).
    /// </summary>
    public async Task<TrackedRuns> ListTrackedAsync(string selector, CancellationToken cancellationToken)
    {
        var jobs = await ListJobsAsync(selector, cancellationToken);
        var pods = await ListPodsAsync(selector, cancellationToken);
        var newest = new Dictionary<string, TrackedPod>(StringComparer.Ordinal);
        foreach (var group in pods.Items.GroupBy(JobOf))
        {
            if (group.Key is not null && TrackedPod.Newest(group.Select(JobStates.Track)) is { } pod)
            {
                newest[group.Key] = pod;
            }
        }

        return new TrackedRuns([.. jobs.Items.Select(JobStates.Track)], newest, jobs.Metadata.ResourceVersion, pods.Metadata.ResourceVersion);
    }

    public Task<V1CronJobList> ListSchedulesAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        client.BatchV1.ListNamespacedCronJobAsync(Namespace, labelSelector: PipelineSelector(pipelineFqn), cancellationToken: cancellationToken);

    /// <summary>The Job of <paramref name="runId"/> (matched on its run id, a scheduled run's being its uid), or the pipeline's newest.</summary>
    public async Task<V1Job?> FindAsync(string pipelineFqn, string? runId, CancellationToken cancellationToken)
    {
        var jobs = await ListJobsAsync(PipelineSelector(pipelineFqn), cancellationToken);
        return jobs.Items
            .Where(job => runId is null || JobStates.RunIdOf(job) == runId)
            .MaxBy(job => job.Metadata.CreationTimestamp);
    }

    /// <summary>The newest pod of the Job (<see cref="TrackedPod.Newest"/>): its latest attempt.</summary>
    public async Task<TrackedPod?> NewestPodAsync(V1Job job, CancellationToken cancellationToken)
    {
        var pods = await ListPodsAsync($"{Selector},{JobNameLabel}={job.Metadata.Name}", cancellationToken);
        return TrackedPod.Newest(pods.Items.Select(JobStates.Track));
    }

    /// <summary>The Job a pod belongs to, by its controller's <c>job-name</c> label.</summary>
    public static string? JobOf(V1Pod pod) => pod.Metadata.Label(JobNameLabel);
}
