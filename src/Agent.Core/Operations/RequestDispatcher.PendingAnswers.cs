using System.Collections.Concurrent;
using Agent.Core.Link;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// Which request ids have an answer on its way: still executing, or enqueued in the outbox and not yet acknowledged.
/// A request the control plane re-sends after a reconnect is answered by that pending result, which the outbox
/// delivers after <c>welcome.ackedSeq</c> anyway; answering it a second time would give the server two results for one
/// request. Once the answer is acknowledged, a repeat of the id is answered again (the server asks for it deliberately).
/// </summary>
internal sealed partial class RequestDispatcher
{
    private const int PruneEvery = 1024;

    // Each claim's receipt: zero while the answer is executing or waits for room, then the seq the outbox gave it. The
    // outbox writes it before anyone can send the answer, so an acknowledgement never finds it "not yet enqueued".
    private readonly ConcurrentDictionary<string, OutboxReceipt> _pendingAnswers = new(StringComparer.Ordinal);
    private readonly Lock _pendingGate = new();
    private int _enqueuedSincePrune;

    /// <summary>
    /// Claims the right to answer <paramref name="requestId"/>; null while an earlier answer is still pending. The
    /// receipt goes with the answer into the outbox (<see cref="EnqueueReplyAsync"/>).
    /// </summary>
    private OutboxReceipt? TryClaimAnswer(string requestId)
    {
        lock (_pendingGate)
        {
            if (_pendingAnswers.TryGetValue(requestId, out var earlier) && (!earlier.IsSequenced || earlier.Seq > _outbox.AckedSeq))
            {
                return null;
            }

            var receipt = new OutboxReceipt();
            _pendingAnswers[requestId] = receipt;
            return receipt;
        }
    }

    /// <summary>Gives up the claim on an answer that will never be sent, so a repeat of the id is executed and answered.</summary>
    private void ReleaseClaim(string requestId, OutboxReceipt receipt)
    {
        lock (_pendingGate)
        {
            if (!receipt.IsSequenced)
            {
                _pendingAnswers.TryRemove(new KeyValuePair<string, OutboxReceipt>(requestId, receipt));
            }
        }
    }

    private void PruneIfDue()
    {
        if (Interlocked.Increment(ref _enqueuedSincePrune) % PruneEvery == 0)
        {
            PruneAcknowledgedAnswers();
        }
    }

    /// <summary>Forgets answers the server has acknowledged: a repeat of their id is answered again either way.</summary>
    private void PruneAcknowledgedAnswers()
    {
        var acked = _outbox.AckedSeq;
        lock (_pendingGate)
        {
            foreach (var (id, receipt) in _pendingAnswers)
            {
                if (receipt.IsSequenced && receipt.Seq <= acked)
                {
                    _pendingAnswers.TryRemove(id, out _);
                }
            }
        }
    }

    private static partial class PendingLog
    {
        [LoggerMessage(EventId = AgentEventIds.AnswerPending, Level = LogLevel.Information, Message = "Request {RequestId} ({Type}) was received again while its answer is still on its way; not answering it twice")]
        public static partial void AnswerPending(ILogger logger, string requestId, string type);
    }
}
