using Agent.Core.Execution;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.delete</c>: removes the pipeline's schedule and its runs (only this agent's). Deleting what is already
/// gone is success, so the control plane can always repeat it.
/// </summary>
internal sealed class PipelineDeleteHandler(IPipelineScheduler scheduler, IRunExecutor executor) : IOperationHandler
{
    public string Type => MessageTypes.PipelineDelete;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        await scheduler.UnscheduleAsync(payload.PipelineFqn, cancellationToken);
        await executor.DeleteRunsAsync(payload.PipelineFqn, cancellationToken);
        return OperationResult.Success(new Dictionary<string, string>(), ProtocolJsonContext.Default.DictionaryStringString);
    }
}
