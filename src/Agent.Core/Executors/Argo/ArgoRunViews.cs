using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>A workflow read back from Argo as the executor-neutral <see cref="RunView"/> (states as docs/argo-mapping.md maps them).</summary>
internal static class ArgoRunViews
{
    public static RunView From(ArgoWorkflow workflow) => new(
        workflow.Name,
        workflow.RunId,
        workflow.Annotation(WorkflowLabels.PipelineFqnAnnotation),
        workflow.Label(WorkflowLabels.PipelineType),
        WorkflowPhases.ToPipelineState(workflow),
        WorkflowPhases.ToMessage(workflow),
        workflow.CreatedAt,
        workflow.StartedAt,
        workflow.FinishedAt,
        workflow.IsCompleted)
    {
        Phase = workflow.Phase,
        ExecutorMessage = workflow.Message,
        AttemptMessage = MainPod.Latest(workflow)?.Message,
    };
}
