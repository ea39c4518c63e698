using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.toggle</c>: suspends or resumes the pipeline's schedule; a pipeline without one is 404.</summary>
public sealed class PipelineToggleHandler(IArgoCronWorkflowClient cron, AgentIdentity identity) : IOperationHandler
{
    public string Type => MessageTypes.PipelineToggle;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineToggleRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var names = await cron.ListNamesAsync(OwnedRunSelectors.Pipeline(identity.AgentId, payload.PipelineFqn), cancellationToken);
        if (names.Count == 0)
        {
            return OperationResult.NotFound($"pipeline '{payload.PipelineFqn}' has no schedule deployed by this agent");
        }

        foreach (var name in names)
        {
            await cron.SetSuspendedAsync(name, suspended: !payload.Enabled, cancellationToken);
        }

        return OperationResult.Success(new PipelineToggledData(payload.Enabled), ProtocolJsonContext.Default.PipelineToggledData);
    }
}
