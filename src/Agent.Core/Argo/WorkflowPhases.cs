using Agent.Core.Protocol.Messages;

namespace Agent.Core.Argo;

/// <summary>
/// Argo workflow phase → OpenMetadata pipeline state (documented in docs/argo-mapping.md):
/// "" and Pending → queued; Running → running; Succeeded → success; Failed and Error → failed, or stopped when
/// the workflow was shut down on request (spec.shutdown set).
/// </summary>
public static class WorkflowPhases
{
    public static string ToPipelineState(ArgoWorkflow workflow) => workflow.Phase switch
    {
        "Running" => PipelineStates.Running,
        "Succeeded" => PipelineStates.Success,
        "Failed" or "Error" when !string.IsNullOrEmpty(workflow.Shutdown) => PipelineStates.Stopped,
        "Failed" or "Error" => PipelineStates.Failed,
        _ => PipelineStates.Queued,
    };
}
