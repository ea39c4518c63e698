using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.status</c>: the pipeline's runs as Argo has them now, newest first, each stamped with its creation time.</summary>
public sealed class PipelineStatusHandler(IArgoWorkflowClient argo, AgentIdentity identity, TimeProvider timeProvider) : IOperationHandler
{
    public string Type => MessageTypes.PipelineStatus;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var page = await argo.ListWorkflowsAsync(OwnedRunSelectors.Pipeline(identity.AgentId, payload.PipelineFqn), cancellationToken);
        var statuses = page.Workflows
            .OrderByDescending(workflow => workflow.CreatedAt)
            .Select(workflow => WorkflowRunStatus.ToPayload(workflow, payload.PipelineFqn, timeProvider.GetUtcNow()))
            .ToList();
        return OperationResult.Success(new PipelineStatusesData(statuses), ProtocolJsonContext.Default.PipelineStatusesData);
    }
}
