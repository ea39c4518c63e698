using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.toggle</c>: suspends or resumes the pipeline's schedule; a pipeline without one is 404.</summary>
internal sealed class PipelineToggleHandler(IPipelineScheduler scheduler) : IOperationHandler
{
    public string Type => MessageTypes.PipelineToggle;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineToggleRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        if (!await scheduler.SetSuspendedAsync(payload.PipelineFqn, suspended: !payload.Enabled, cancellationToken))
        {
            return OperationResult.NotFound($"pipeline '{payload.PipelineFqn}' has no schedule deployed by this agent");
        }

        return OperationResult.Success(new PipelineToggledData(payload.Enabled), ProtocolJsonContext.Default.PipelineToggledData);
    }
}
