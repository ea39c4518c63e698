using Agent.Core.Connectivity;
using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.kill</c>: stops every unfinished run of the pipeline that this agent owns. One run that cannot be stopped
/// does not keep the others running (issue 12, finding 10): each is tried, and the answer lists the runs stopped and
/// those that failed with their reasons. It is ok only when every run was stopped, so a control plane that reads only
/// <c>ok</c> still learns that the pipeline may be running.
/// </summary>
internal sealed partial class PipelineKillHandler(IRunExecutor executor, ILogger<PipelineKillHandler> logger) : IOperationHandler
{
    public string Type => MessageTypes.PipelineKill;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var runs = await executor.StopPipelineRunsAsync(payload.PipelineFqn, cancellationToken);
        var stopped = new List<string>();
        var failed = new List<RunStopFailure>();
        foreach (var run in runs)
        {
            if (run.Failure is not { } failure)
            {
                stopped.Add(run.RunId);
                continue;
            }

            Log.StopFailed(logger, ExceptionDetail.AtDebug(logger, failure.InnerException ?? failure), run.RunId, run.WorkflowName, request.Id, failure.Message);
            failed.Add(new RunStopFailure(run.RunId, OperationErrors.CodeFor(failure.Kind), failure.Message));
        }

        var data = new KilledRunsData(stopped, failed);
        if (failed.Count == 0)
        {
            return OperationResult.Success(data, ProtocolJsonContext.Default.KilledRunsData);
        }

        var first = failed[0];
        var summary = $"{failed.Count} of {runs.Count} runs could not be stopped; run '{first.RunId}': {first.Reason}";
        return new OperationResult(first.Code, summary, Data: System.Text.Json.JsonSerializer.SerializeToElement(data, ProtocolJsonContext.Default.KilledRunsData));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.RunStopFailed, Level = LogLevel.Warning, Message = "Run {RunId} (workflow {WorkflowName}) could not be stopped for request {RequestId}: {Cause}; stopping the others")]
        public static partial void StopFailed(ILogger logger, Exception? exception, string runId, string workflowName, string requestId, string cause);
    }
}
