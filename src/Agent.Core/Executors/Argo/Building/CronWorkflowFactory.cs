using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Execution;
using Microsoft.Extensions.Options;
using Meta = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Apimachinery.Pkg.Apis.Meta.V1;

namespace Agent.Core.Executors.Argo.Building;

/// <summary>
/// Builds the one CronWorkflow of a scheduled pipeline around the spec <see cref="ArgoRunBuilder"/> made. Each scheduled
/// run gets its own run id, the workflow's uid, through Argo's <c>{{workflow.uid}}</c>; the pipeline FQN rides along as
/// an annotation on every run.
/// </summary>
internal sealed class CronWorkflowFactory(IOptions<ArgoOptions> argo)
{
    public const string ScheduledRunId = "{{workflow.uid}}";

    public static string NameFor(string pipelineFqn, string pipelineName) =>
        $"om-cron-{LabelValues.ToDnsFragment(pipelineName, 30, "pipeline")}-{LabelValues.Hash(pipelineFqn, 12)}";

    public CronWorkflow Build(ScheduleRequest schedule, string cron, Dictionary<string, object> labels, WorkflowSpec spec)
    {
        var pipeline = schedule.Template;
        return new CronWorkflow
        {
            Metadata = new Meta.ObjectMeta
            {
                Name = NameFor(pipeline.PipelineFqn, pipeline.PipelineName),
                Namespace = argo.Value.Namespace,
                Labels = new Meta.ObjectMeta_labels { AdditionalData = new Dictionary<string, object>(labels) },
                Annotations = new Meta.ObjectMeta_annotations { AdditionalData = Annotations(pipeline.PipelineFqn) },
            },
            Spec = new CronWorkflowSpec
            {
                // Always the list: the singular `schedule` field is gone in Argo v4.
                Schedules = [cron],
                Timezone = string.IsNullOrWhiteSpace(schedule.Timezone) ? null : schedule.Timezone,
                ConcurrencyPolicy = "Forbid",

                // Missed runs are not caught up on (OpenMetadata pipelines have catchup off).
                StartingDeadlineSeconds = 0,
                Suspend = !schedule.Enabled,
                WorkflowMetadata = new Meta.ObjectMeta
                {
                    Labels = new Meta.ObjectMeta_labels { AdditionalData = new Dictionary<string, object>(labels) },
                    Annotations = new Meta.ObjectMeta_annotations { AdditionalData = Annotations(pipeline.PipelineFqn) },
                },
                WorkflowSpec = spec,
            },
        };
    }

    private static Dictionary<string, object> Annotations(string pipelineFqn) => new()
    {
        [WorkflowLabels.PipelineFqnAnnotation] = pipelineFqn,
    };
}
