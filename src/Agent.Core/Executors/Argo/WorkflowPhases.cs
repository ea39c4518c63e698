using Agent.Core.Protocol.Messages;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Argo workflow phase and main pod → OpenMetadata pipeline state (documented in docs/argo-mapping.md): "" and Pending
/// → queued; Running → running once a main pod has started, queued before (FIDELITY §6.1, §6.2); Succeeded → success;
/// Failed and Error → failed, or stopped when the workflow was shut down on request (spec.shutdown set).
/// </summary>
internal static class WorkflowPhases
{
    public static string ToPipelineState(ArgoWorkflow workflow) => workflow.Phase switch
    {
        "Running" when !MainPod.HasStarted(workflow) => PipelineStates.Queued,
        "Running" => PipelineStates.Running,
        "Succeeded" => PipelineStates.Success,
        "Failed" or "Error" when !string.IsNullOrEmpty(workflow.Shutdown) => PipelineStates.Stopped,
        "Failed" or "Error" => PipelineStates.Failed,
        _ => PipelineStates.Queued,
    };

    /// <summary>
    /// The status message: while queued, why the main pod waits (e.g. <c>ImagePullBackOff: …</c>, which only its node
    /// carries); otherwise the workflow's own message.
    /// </summary>
    public static string? ToMessage(ArgoWorkflow workflow) =>
        ToPipelineState(workflow) == PipelineStates.Queued && MainPod.Latest(workflow)?.Message is { Length: > 0 } waiting
            ? waiting
            : workflow.Message;
}
