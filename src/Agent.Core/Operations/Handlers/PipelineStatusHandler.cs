using Agent.Core.Argo;
using Agent.Core.ControlPlane;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.status</c>: the pipeline's runs as Argo has them now, newest first, each stamped with its creation time.</summary>
public sealed class PipelineStatusHandler(IArgoWorkflowClient argo, IOptions<ControlPlaneOptions> controlPlane, TimeProvider timeProvider) : IOperationHandler
{
    public string Type => MessageTypes.PipelineStatus;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var page = await argo.ListWorkflowsAsync(OwnedRunSelectors.Pipeline(controlPlane.Value.AgentId, payload.PipelineFqn), cancellationToken);
        var statuses = page.Workflows
            .OrderByDescending(workflow => workflow.CreatedAt)
            .Select(workflow => new RunStatusPayload(
                payload.PipelineFqn,
                workflow.RunId ?? workflow.Name,
                workflow.Name,
                WorkflowPhases.ToPipelineState(workflow),
                RunTimestamp(workflow),
                (workflow.StartedAt ?? workflow.CreatedAt)?.ToUnixTimeMilliseconds(),
                workflow.FinishedAt?.ToUnixTimeMilliseconds(),
                WorkflowPhases.ToMessage(workflow)))
            .ToList();
        return OperationResult.Success(new PipelineStatusesData(statuses), ProtocolJsonContext.Default.PipelineStatusesData);
    }

    /// <summary>
    /// The run's creation time, the same in every answer and every <c>run.status</c> of the run: OpenMetadata keys a
    /// pipeline's statuses by it. A workflow always has one; the clock is only a fallback for a malformed object.
    /// </summary>
    private long RunTimestamp(ArgoWorkflow workflow) => (workflow.CreatedAt ?? timeProvider.GetUtcNow()).ToUnixTimeMilliseconds();
}
