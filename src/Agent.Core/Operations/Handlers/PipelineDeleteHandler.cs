using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.delete</c>: removes the pipeline's schedule and its workflows (only this agent's). Deleting what is
/// already gone is success, so the control plane can always repeat it.
/// </summary>
public sealed class PipelineDeleteHandler(IArgoCronWorkflowClient cron, IArgoWorkflowClient argo, AgentIdentity identity) : IOperationHandler
{
    public string Type => MessageTypes.PipelineDelete;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var selector = OwnedRunSelectors.Pipeline(identity.AgentId, payload.PipelineFqn);
        foreach (var name in await cron.ListNamesAsync(selector, cancellationToken))
        {
            await cron.DeleteAsync(name, cancellationToken);
        }

        foreach (var workflow in (await argo.ListWorkflowsAsync(selector, cancellationToken)).Workflows)
        {
            await argo.DeleteWorkflowAsync(workflow.Name, cancellationToken);
        }

        return OperationResult.Success(new Dictionary<string, string>(), ProtocolJsonContext.Default.DictionaryStringString);
    }
}
