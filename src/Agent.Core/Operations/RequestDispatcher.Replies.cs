using System.Globalization;
using System.Text.Json;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// Turns each answer into its <c>result</c> in the outbox. This runs in a task nobody awaits, so nothing may escape it
/// (issue 12, finding 10): an answer that failed or cannot be written is logged and answered 500, and a result the
/// outbox cannot take is logged and its claim released, so a repeat of the id is answered rather than ignored forever.
/// </summary>
internal sealed partial class RequestDispatcher
{
    private async Task ReplyAsync(Envelope request, OutboxReceipt receipt, Task<OperationResult> answer, long receivedAt, bool replayed)
    {
        try
        {
            await EnqueueReplyAsync(request, receipt, await ResultBodyAsync(request, answer, receivedAt, replayed));
            PruneIfDue();
        }
        catch (Exception ex)
        {
            ReplyLog.ReplyLost(_logger, ex, request.Id, request.Type);
            ReleaseClaim(request.Id, receipt);
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
        var payload = new ResultPayload(result.Ok, result.Code, AgentIdentity.Platform, AgentIdentity.Version, result.Reason, result.RunId, result.Data);
        var body = JsonSerializer.SerializeToElement(payload, ProtocolJsonContext.Default.ResultPayload);
        _metrics.Requests.WithLabels(TypeLabel(request.Type), result.Ok ? "ok" : result.Code.ToString(CultureInfo.InvariantCulture)).Inc();
        return body;
    }

    /// <summary>
    /// The outbox writes the answer's <c>seq</c> into the claim's <paramref name="receipt"/> before anyone can send it.
    /// Recorded any later, the answer could be sent and acknowledged first, and a deliberate repeat of the id arriving
    /// then would find it "not yet enqueued" and go unanswered for good.
    /// </summary>
    private async Task EnqueueReplyAsync(Envelope request, OutboxReceipt receipt, JsonElement body)
    {
        Interlocked.Increment(ref _repliesWaitingForOutbox);
        try
        {
            await _outbox.EnqueueAsync(MessageTypes.Result, body, request.Id, receipt, CancellationToken.None);
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
