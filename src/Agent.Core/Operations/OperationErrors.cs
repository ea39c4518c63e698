using Agent.Core.Argo;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>Maps a handler failure to the result code the control plane acts on.</summary>
public static partial class OperationErrors
{
    public static OperationResult ToResult(Exception exception, ILogger logger, Envelope request)
    {
        if (exception is not ArgoException && exception is not HttpRequestException && exception is not Microsoft.Kiota.Abstractions.ApiException)
        {
            LogUnexpected(logger, exception, request.Id, request.Type);
            return new OperationResult(ResultCodes.Unexpected, "unexpected agent error; see the agent log for request " + request.Id);
        }

        var argo = ArgoErrorMapper.Map(exception);
        LogArgoFailure(logger, argo.Kind, request.Id, request.Type, argo.Message);
        return new OperationResult(CodeFor(argo.Kind), argo.Message);
    }

    /// <summary>The result code of an Argo failure of this kind.</summary>
    public static int CodeFor(ArgoErrorKind kind) => kind switch
    {
        ArgoErrorKind.NotFound => ResultCodes.NotFound,
        ArgoErrorKind.AlreadyExists => ResultCodes.Conflict,
        ArgoErrorKind.Unavailable => ResultCodes.ArgoUnreachable,
        _ => ResultCodes.ArgoError,
    };

    [LoggerMessage(EventId = AgentEventIds.RequestFailed, Level = LogLevel.Error, Message = "Request {RequestId} ({Type}) failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId, string type);

    [LoggerMessage(EventId = AgentEventIds.ArgoRequestFailed, Level = LogLevel.Warning, Message = "Request {RequestId} ({Type}) failed on Argo ({Kind}): {ArgoMessage}")]
    private static partial void LogArgoFailure(ILogger logger, ArgoErrorKind kind, string requestId, string type, string argoMessage);
}
