using Agent.Core.Argo;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Runs;

/// <summary>A workflow as Argo has it now, as a <c>run.status</c> payload: what the read requests answer with.</summary>
public static class WorkflowRunStatus
{
    /// <summary>
    /// <c>timestamp</c> is the run's creation time, the same in every answer and every <c>run.status</c> of the run:
    /// OpenMetadata keys a pipeline's statuses by it. A workflow always has one; <paramref name="now"/> is only a
    /// fallback for a malformed object.
    /// </summary>
    public static RunStatusPayload ToPayload(ArgoWorkflow workflow, string pipelineFqn, DateTimeOffset now) => new(
        pipelineFqn,
        workflow.RunId ?? workflow.Name,
        workflow.Name,
        WorkflowPhases.ToPipelineState(workflow),
        (workflow.CreatedAt ?? now).ToUnixTimeMilliseconds(),
        (workflow.StartedAt ?? workflow.CreatedAt)?.ToUnixTimeMilliseconds(),
        workflow.FinishedAt?.ToUnixTimeMilliseconds(),
        WorkflowPhases.ToMessage(workflow));
}
