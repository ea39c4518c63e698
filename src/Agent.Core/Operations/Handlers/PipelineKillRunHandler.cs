using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.killRun</c>: stops one run, if this agent owns it; a finished run is left as it is.</summary>
internal sealed class PipelineKillRunHandler(IRunExecutor executor) : IOperationHandler
{
    public string Type => MessageTypes.PipelineKillRun;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineKillRunRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        return await executor.StopRunAsync(payload.PipelineFqn, payload.RunId, cancellationToken) switch
        {
            RunStop.NotFound => OperationResult.NotFound($"run '{payload.RunId}' of pipeline '{payload.PipelineFqn}' is not a run of this agent"),
            RunStop.AlreadyFinished => OperationResult.Success(new StoppedRunsData([]), ProtocolJsonContext.Default.StoppedRunsData, payload.RunId),
            _ => OperationResult.Success(new StoppedRunsData([payload.RunId]), ProtocolJsonContext.Default.StoppedRunsData, payload.RunId),
        };
    }
}
