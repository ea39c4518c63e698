using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// What keeps a hostile or broken control plane from growing the dispatcher's state without end (issue 12,
/// finding 3): unknown request types share one metric label, and answers waiting for room in a full outbox are capped.
/// </summary>
internal sealed partial class RequestDispatcher
{
    /// <summary>The <c>type</c> label of requests this agent has no handler for: the type is the peer's text, so it is not a label.</summary>
    public const string UnknownTypeLabel = "unknown";

    private readonly int _maxRepliesWaiting;
    private int _repliesWaitingForOutbox;

    /// <summary>Answers that are ready and waiting for the outbox to take them (it is full while this stays above 0).</summary>
    public int RepliesWaitingForOutbox => Volatile.Read(ref _repliesWaitingForOutbox);

    /// <summary>
    /// While the outbox is full and <c>ControlPlane:MaxRepliesWaitingForOutbox</c> answers already wait for it, a new
    /// request is refused: executing it would only add one more waiting answer (and perhaps a workflow) that the
    /// control plane is not taking. Not remembered, a refused request is executed normally when sent again.
    /// </summary>
    private bool RefuseWhileOutboxBacklogged(Envelope request)
    {
        if (RepliesWaitingForOutbox < _maxRepliesWaiting)
        {
            return false;
        }

        BoundsLog.Refused(_logger, request.Id, request.Type, RepliesWaitingForOutbox);
        return true;
    }

    /// <summary>True once no answer to <paramref name="requestId"/> is on its way: the cache may then forget it early.</summary>
    private bool IsAnswerAcknowledged(string requestId) =>
        !_pendingAnswers.TryGetValue(requestId, out var receipt) || (receipt.IsSequenced && receipt.Seq <= _outbox.AckedSeq);

    private string TypeLabel(string type) => _handlers.ContainsKey(type) ? type : UnknownTypeLabel;

    private static partial class BoundsLog
    {
        [LoggerMessage(EventId = AgentEventIds.RequestRefusedOutboxFull, Level = LogLevel.Warning, Message = "Request {RequestId} ({Type}) refused, not executed: {Waiting} answers already wait for room in the full outbox")]
        public static partial void Refused(ILogger logger, string requestId, string type, int waiting);
    }
}
