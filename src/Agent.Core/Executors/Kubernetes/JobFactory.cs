using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Builds what a run or a schedule becomes: a <c>batch/v1</c> Job (or CronJob) and the Secret that carries its config.
/// The control plane chooses only the pipeline, its config and the run id; image, command, service account, resources
/// and limits come from the agent's own configuration. Labels select this agent's objects (agent id, hashed pipeline
/// FQN, run id, pipeline type); the exact FQN and run id ride in annotations (research-16 §3.2).
/// </summary>
internal sealed class JobFactory(IOptions<IngestionOptions> ingestion, IngestionImage image, IOptions<KubernetesOptions> kubernetes, AgentIdentity identity)
{
    private readonly PipelineTypeConfigs _typeConfigs = PipelineTypeConfigs.Parse(kubernetes.Value.PipelineTypeConfigs);

    public string Namespace => kubernetes.Value.Namespace;

    /// <summary>
    /// Created suspended: the Secret it reads is made next, owned by the Job's uid, and only then is the Job resumed, so
    /// no pod waits in <c>CreateContainerConfigError</c> for a Secret that is not there yet (research-16 §3.8).
    /// </summary>
    public V1Job BuildRun(RunRequest run)
    {
        var name = JobNames.ForRun(run.RunId);
        var labels = PipelineLabels(run.PipelineFqn, run.PipelineType);
        labels[WorkflowLabels.RunId] = LabelValues.ForFreeText(run.RunId);
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string>
                {
                    [WorkflowLabels.PipelineFqnAnnotation] = run.PipelineFqn,
                    [WorkflowLabels.RunIdAnnotation] = run.RunId,
                },
            },
            Spec = JobSpec(run, run.RunId, name, labels, suspend: true),
        };
    }

    public V1CronJob BuildSchedule(ScheduleRequest schedule, string cron)
    {
        var run = schedule.Template;
        var name = JobNames.ForSchedule(run.PipelineFqn, run.PipelineName);
        var labels = PipelineLabels(run.PipelineFqn, run.PipelineType);
        var annotations = new Dictionary<string, string> { [WorkflowLabels.PipelineFqnAnnotation] = run.PipelineFqn };
        return new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = labels, Annotations = annotations },
            Spec = new V1CronJobSpec
            {
                Schedule = cron,
                TimeZone = string.IsNullOrWhiteSpace(schedule.Timezone) ? null : schedule.Timezone,

                // One run of a pipeline at a time, and no catch-up (OpenMetadata pipelines have catchup off): K8S
                // pkg/controller/cronjob/cronjob_controllerv2.go, research-16 §1.8, §3.6.
                ConcurrencyPolicy = "Forbid",
                StartingDeadlineSeconds = kubernetes.Value.StartingDeadlineSeconds,
                Suspend = !schedule.Enabled,
                SuccessfulJobsHistoryLimit = 3,
                FailedJobsHistoryLimit = 3,
                JobTemplate = new V1JobTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels), Annotations = new Dictionary<string, string>(annotations) },
                    Spec = JobSpec(run, null, name, labels, suspend: false),
                },
            },
        };
    }

    /// <summary>The config Secret, named as its owner and removed with it by the garbage collector (research-16 §3.8).</summary>
    public V1Secret BuildSecret(RunRequest run, string name, V1OwnerReference owner) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Labels = PipelineLabels(run.PipelineFqn, run.PipelineType),

            // BlockOwnerDeletion stays unset: it needs update on jobs/finalizers where OwnerReferencesPermissionEnforcement runs.
            OwnerReferences = [owner],
        },
        Type = "Opaque",
        StringData = new Dictionary<string, string>
        {
            [IngestionPod.ConfigKey] = run.Config,
            [IngestionPod.PipelineFqnKey] = run.PipelineFqn,
        },
    };

    public static V1OwnerReference OwnerOf(string apiVersion, string kind, V1ObjectMeta owner) =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = owner.Name, Uid = owner.Uid };

    /// <summary>Labels shared by every object of a pipeline, scheduled runs included (they have no run-id label).</summary>
    public Dictionary<string, string> PipelineLabels(string pipelineFqn, string pipelineType) => new()
    {
        [WorkflowLabels.AgentId] = LabelValues.ForAgentId(identity.AgentId),
        [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(pipelineFqn),
        [WorkflowLabels.PipelineType] = LabelValues.ForFreeText(pipelineType),
        [WorkflowLabels.ManagedBy] = WorkflowLabels.ManagedByValue,
    };

    private V1JobSpec JobSpec(RunRequest run, string? runId, string secretName, Dictionary<string, string> labels, bool suspend)
    {
        var options = kubernetes.Value;
        return new V1JobSpec
        {
            Suspend = suspend,
            BackoffLimit = run.Retries > 0 ? run.Retries : options.BackoffLimit,
            ActiveDeadlineSeconds = options.ActiveDeadlineSeconds,
            TtlSecondsAfterFinished = options.TtlSecondsAfterFinished,
            Template = IngestionPod.Template(run, runId, secretName, labels, ingestion.Value, image.Current, options, _typeConfigs),
        };
    }
}
