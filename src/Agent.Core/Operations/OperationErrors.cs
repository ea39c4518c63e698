using Agent.Core.Execution;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>Maps a handler failure to the result code the control plane acts on.</summary>
internal static partial class OperationErrors
{
    public static OperationResult ToResult(Exception exception, ILogger logger, Envelope request)
    {
        if (exception is not ExecutorException failure)
        {
            LogUnexpected(logger, exception, request.Id, request.Type);
            return new OperationResult(ResultCodes.Unexpected, "unexpected agent error; see the agent log for request " + request.Id);
        }

        LogExecutorFailure(logger, failure.Kind, request.Id, request.Type, failure.Message);
        return new OperationResult(CodeFor(failure.Kind), failure.Message);
    }

    /// <summary>The result code of an executor failure of this kind.</summary>
    public static int CodeFor(ExecutorErrorKind kind) => kind switch
    {
        ExecutorErrorKind.NotFound => ResultCodes.NotFound,
        ExecutorErrorKind.AlreadyExists => ResultCodes.Conflict,
        ExecutorErrorKind.Unavailable => ResultCodes.ArgoUnreachable,
        _ => ResultCodes.ArgoError,
    };

    [LoggerMessage(EventId = AgentEventIds.RequestFailed, Level = LogLevel.Error, Message = "Request {RequestId} ({Type}) failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId, string type);

    // The text still says Argo, the only executor so far: operators and log queries know the line by it.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Request {RequestId} ({Type}) failed on Argo ({Kind}): {ArgoMessage}")]
    private static partial void LogExecutorFailure(ILogger logger, ExecutorErrorKind kind, string requestId, string type, string argoMessage);
}
