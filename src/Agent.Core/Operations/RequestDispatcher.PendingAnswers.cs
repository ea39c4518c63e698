using System.Collections.Concurrent;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations;

/// <summary>
/// Which request ids have an answer on its way: still executing, or enqueued in the outbox and not yet acknowledged.
/// A request the control plane re-sends after a reconnect is answered by that pending result, which the outbox
/// delivers after <c>welcome.ackedSeq</c> anyway; answering it a second time would give the server two results for one
/// request. Once the answer is acknowledged, a repeat of the id is answered again (the server asks for it deliberately).
/// </summary>
public sealed partial class RequestDispatcher
{
    private const long NotYetEnqueued = 0;
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<string, long> _pendingAnswers = new(StringComparer.Ordinal);
    private readonly Lock _pendingGate = new();
    private int _enqueuedSincePrune;

    /// <summary>Claims the right to answer <paramref name="requestId"/>; false while an earlier answer is still pending.</summary>
    private bool TryClaimAnswer(string requestId)
    {
        lock (_pendingGate)
        {
            if (_pendingAnswers.TryGetValue(requestId, out var seq) && (seq == NotYetEnqueued || seq > _outbox.AckedSeq))
            {
                return false;
            }

            _pendingAnswers[requestId] = NotYetEnqueued;
            return true;
        }
    }

    /// <summary>
    /// Records the answer's <c>seq</c> before the outbox lets anyone send it. Recorded any later, the answer could be
    /// sent and acknowledged first, and a deliberate repeat of the id arriving then would find it "not yet enqueued"
    /// and go unanswered for good.
    /// </summary>
    private void AnswerSequenced(string requestId, Envelope result)
    {
        lock (_pendingGate)
        {
            _pendingAnswers[requestId] = result.Seq ?? NotYetEnqueued;
        }
    }

    /// <summary>Gives up the claim on an answer that will never be sent, so a repeat of the id is executed and answered.</summary>
    private void ReleaseClaim(string requestId)
    {
        lock (_pendingGate)
        {
            if (_pendingAnswers.TryGetValue(requestId, out var seq) && seq == NotYetEnqueued)
            {
                _pendingAnswers.TryRemove(requestId, out _);
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
            foreach (var (id, seq) in _pendingAnswers)
            {
                if (seq != NotYetEnqueued && seq <= acked)
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
