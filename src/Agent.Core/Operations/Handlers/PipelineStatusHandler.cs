using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.status</c>: the pipeline's runs as the executor has them now, newest first, each stamped with its creation time.</summary>
internal sealed class PipelineStatusHandler(IRunExecutor executor, TimeProvider timeProvider) : IOperationHandler
{
    public string Type => MessageTypes.PipelineStatus;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var runs = await executor.ListRunsAsync(payload.PipelineFqn, cancellationToken);
        var statuses = runs
            .OrderByDescending(run => run.CreatedAt)
            .Select(run => run.ToStatus(payload.PipelineFqn, timeProvider.GetUtcNow()))
            .ToList();
        return OperationResult.Success(new PipelineStatusesData(statuses), ProtocolJsonContext.Default.PipelineStatusesData);
    }
}
