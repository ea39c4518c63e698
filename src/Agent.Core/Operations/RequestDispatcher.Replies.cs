using System.Globalization;
using System.Text.Json;
using Agent.Core.ControlPlane;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// Turns each answer into its <c>result</c> in the outbox. This runs in a task nobody awaits, so nothing may escape it
/// (issue 12, finding 10): an answer that failed or cannot be written is logged and answered 500, and a result the
/// outbox cannot take is logged and its claim released, so a repeat of the id is answered rather than ignored forever.
/// </summary>
public sealed partial class RequestDispatcher
{
    private async Task ReplyAsync(Envelope request, Task<OperationResult> answer, long receivedAt, bool replayed)
    {
        try
        {
            await EnqueueReplyAsync(request, await ResultBodyAsync(request, answer, receivedAt, replayed));
            PruneIfDue();
        }
        catch (Exception ex)
        {
            ReplyLog.ReplyLost(_logger, ex, request.Id, request.Type);
            ReleaseClaim(request.Id);
        }
        finally
        {
            Interlocked.Decrement(ref _repliesInProgress);
        }
    }

    /// <summary>
    /// The result payload of the answer, or of a 500 when the answer failed or cannot be serialized; the operation's
    /// line is logged with the code actually sent.
    /// </summary>
    private async Task<JsonElement> ResultBodyAsync(Envelope request, Task<OperationResult> answer, long receivedAt, bool replayed)
    {
        OperationResult result;
        JsonElement body;
        try
        {
            result = await answer;
            body = ResultBody(request, result);
        }
        catch (Exception ex)
        {
            ReplyLog.AnswerFailed(_logger, ex, request.Id, request.Type);
            result = new OperationResult(ResultCodes.Unexpected, "unexpected agent error; see the agent log for request " + request.Id);
            body = ResultBody(request, result);
        }

        LogAnswered(request, result, receivedAt, replayed);
        return body;
    }

    private JsonElement ResultBody(Envelope request, OperationResult result)
    {
        var payload = new ResultPayload(result.Ok, result.Code, AgentInstance.Platform, AgentInstance.Version, result.Reason, result.RunId, result.Data);
        var body = JsonSerializer.SerializeToElement(payload, ProtocolJsonContext.Default.ResultPayload);
        _metrics.Requests.WithLabels(TypeLabel(request.Type), result.Ok ? "ok" : result.Code.ToString(CultureInfo.InvariantCulture)).Inc();
        return body;
    }

    private async Task EnqueueReplyAsync(Envelope request, JsonElement body)
    {
        Interlocked.Increment(ref _repliesWaitingForOutbox);
        try
        {
            await _outbox.EnqueueAsync(MessageTypes.Result, body, request.Id, message => AnswerSequenced(request.Id, message), CancellationToken.None);
        }
        finally
        {
            Interlocked.Decrement(ref _repliesWaitingForOutbox);
        }
    }

    private static partial class ReplyLog
    {
        [LoggerMessage(EventId = AgentEventIds.AnswerUnsendable, Level = LogLevel.Error, Message = "Request {RequestId} ({Type}) has no answer the agent can send; answering 500")]
        public static partial void AnswerFailed(ILogger logger, Exception exception, string requestId, string type);

        [LoggerMessage(EventId = AgentEventIds.ReplyLost, Level = LogLevel.Error, Message = "The result of request {RequestId} ({Type}) could not be put in the outbox; it is not answered until sent again")]
        public static partial void ReplyLost(ILogger logger, Exception exception, string requestId, string type);
    }
}
