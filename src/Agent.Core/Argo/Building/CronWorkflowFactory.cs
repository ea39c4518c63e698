using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Customization;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Options;
using Meta = Agent.Core.Argo.Generated.Models.Io.K8s.Apimachinery.Pkg.Apis.Meta.V1;

namespace Agent.Core.Argo.Building;

/// <summary>
/// Builds the one CronWorkflow of a scheduled pipeline. Each scheduled run gets its own run id, the workflow's
/// uid, through Argo's <c>{{workflow.uid}}</c>; the pipeline FQN rides along as an annotation on every run.
/// </summary>
public sealed class CronWorkflowFactory(WorkflowFactory workflows, WorkflowCustomizer customizer, IOptions<ArgoOptions> argo)
{
    public const string ScheduledRunId = "{{workflow.uid}}";

    public static string NameFor(string pipelineFqn, string pipelineName) =>
        $"om-cron-{LabelValues.ToDnsFragment(pipelineName, 30, "pipeline")}-{LabelValues.Hash(pipelineFqn, 12)}";

    public async Task<CronWorkflow> BuildAsync(PipelineInfo pipeline, string config, string cron, RunKind kind, CancellationToken cancellationToken)
    {
        var labels = workflows.PipelineLabels(pipeline.FullyQualifiedName, pipeline.PipelineType);
        var template = new RunRequest(ScheduledRunId, pipeline.FullyQualifiedName, pipeline.Name, pipeline.PipelineType, config, kind, pipeline.Retries ?? 0, pipeline.RetryDelaySeconds ?? 0);
        return new CronWorkflow
        {
            Metadata = new Meta.ObjectMeta
            {
                Name = NameFor(pipeline.FullyQualifiedName, pipeline.Name),
                Namespace = argo.Value.Namespace,
                Labels = new Meta.ObjectMeta_labels { AdditionalData = new Dictionary<string, object>(labels) },
                Annotations = new Meta.ObjectMeta_annotations { AdditionalData = Annotations(pipeline) },
            },
            Spec = new CronWorkflowSpec
            {
                // Always the list: the singular `schedule` field is gone in Argo v4.
                Schedules = [cron],
                Timezone = string.IsNullOrWhiteSpace(pipeline.Timezone) ? null : pipeline.Timezone,
                ConcurrencyPolicy = "Forbid",

                // Missed runs are not caught up on (OpenMetadata pipelines have catchup off).
                StartingDeadlineSeconds = 0,
                Suspend = !pipeline.Enabled,
                WorkflowMetadata = new Meta.ObjectMeta
                {
                    Labels = new Meta.ObjectMeta_labels { AdditionalData = new Dictionary<string, object>(labels) },
                    Annotations = new Meta.ObjectMeta_annotations { AdditionalData = Annotations(pipeline) },
                },
                WorkflowSpec = await customizer.ApplyAsync(workflows.BuildSpec(template, labels), pipeline.PipelineType, cancellationToken),
            },
        };
    }

    private static Dictionary<string, object> Annotations(PipelineInfo pipeline) => new()
    {
        [WorkflowLabels.PipelineFqnAnnotation] = pipeline.FullyQualifiedName,
    };
}
