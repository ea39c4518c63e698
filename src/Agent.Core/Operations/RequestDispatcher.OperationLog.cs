using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// One Information line per answered request (issue 13): an operator reads every deploy, toggle, kill and run, and
/// the dispatcher's own refusals (400, 408, 429, 503), with its type, pipeline, run, code and the time from receipt
/// to answer, without a line from each handler. A duplicate answered from the result cache gets its own line, marked
/// replayed, so a re-sent request is not mistaken for a second execution. The payload and the answer's reason are
/// not logged: a config holds credentials, and a reason may quote part of one (a refused template tag).
/// </summary>
internal sealed partial class RequestDispatcher
{
    private void LogAnswered(Envelope request, OperationResult result, long receivedAt, bool replayed)
    {
        // Every request passes here: with the line filtered out, the payload is not walked for its subject.
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var subject = OperationSubject.Of(request.Payload);
        var runId = result.RunId ?? subject.RunId;
        var durationMs = _timeProvider.GetElapsedTime(receivedAt).TotalMilliseconds;
        if (replayed)
        {
            OperationLog.Replayed(_logger, result.Code, request.Type, request.Id, durationMs, subject.PipelineFqn, runId);
        }
        else
        {
            OperationLog.Answered(_logger, request.Type, request.Id, result.Code, durationMs, subject.PipelineFqn, runId);
        }
    }

    private static partial class OperationLog
    {
        [LoggerMessage(EventId = AgentEventIds.RequestAnswered, Level = LogLevel.Information, Message = "Answered {OperationType} request {RequestId} with {Code} in {DurationMs:0.0} ms (pipeline {PipelineFqn}, run {RunId})")]
        public static partial void Answered(ILogger logger, string operationType, string requestId, int code, double durationMs, string? pipelineFqn, string? runId);

        [LoggerMessage(EventId = AgentEventIds.AnswerReplayed, Level = LogLevel.Information, Message = "Replayed answer {Code} to {OperationType} request {RequestId}, received again, after {DurationMs:0.0} ms; not executed again (pipeline {PipelineFqn}, run {RunId})")]
        public static partial void Replayed(ILogger logger, int code, string operationType, string requestId, double durationMs, string? pipelineFqn, string? runId);
    }
}
