using System.Collections.Concurrent;

namespace Agent.Core.Operations;

/// <summary>
/// The answer, finished or still running, for each request id seen in the last <see cref="Retention"/>
/// (protocol §4: at least 15 minutes), so a request re-sent after a reconnect is never executed twice. An answer the
/// caller says need not be kept (a large answer to a read-only request, such as a log page) is held only while it is
/// being computed: a later repeat of its id executes again rather than pinning a megabyte for 20 minutes.
/// It is bounded (<see cref="ResultCacheLimits"/>): at a bound, the oldest acknowledged answers go first. An answer the
/// control plane has not acknowledged is never forgotten, neither at a bound nor when its retention ends.
/// </summary>
internal sealed partial class ResultCache(TimeProvider timeProvider, ResultCacheLimits? limits = null)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, (Task<OperationResult> Result, DateTimeOffset SeenAt)> _results = new(StringComparer.Ordinal);
    private readonly ResultCacheLimits _limits = limits ?? ResultCacheLimits.Default;
    private DateTimeOffset _lastPrune = timeProvider.GetUtcNow();

    public int Count => _results.Count;

    /// <summary>
    /// Returns the answer already registered for <paramref name="requestId"/>, or starts <paramref name="execute"/>
    /// and registers its answer. Exactly one caller per id executes at a time, however many race; once the answer is
    /// known, it stays registered only when <paramref name="retain"/> (default: always) says so.
    /// </summary>
    public (Task<OperationResult> Result, bool IsDuplicate) GetOrStart(
        string requestId, Func<Task<OperationResult>> execute, Func<OperationResult, bool>? retain = null)
    {
        PruneIfDue();
        if (_results.TryGetValue(requestId, out var known))
        {
            return (known.Result, true);
        }

        EvictIfFull(incoming: 1);

        // Completed by the operation's own thread with no lock held, so the reply continues there without a hand-off.
        var candidate = new TaskCompletionSource<OperationResult>();
        var entry = _results.GetOrAdd(requestId, (candidate.Task, timeProvider.GetUtcNow()));
        if (entry.Result != candidate.Task)
        {
            return (entry.Result, true);
        }

        _ = CompleteAsync(requestId, entry, candidate, execute, retain);
        return (candidate.Task, false);
    }

    private async Task CompleteAsync(
        string requestId,
        (Task<OperationResult> Result, DateTimeOffset SeenAt) entry,
        TaskCompletionSource<OperationResult> candidate,
        Func<Task<OperationResult>> execute,
        Func<OperationResult, bool>? retain)
    {
        OperationResult result;
        bool keep;
        long bytes;
        try
        {
            result = await execute();
            keep = retain is null || retain(result);
            bytes = keep ? EstimateBytes(requestId, result) : 0;
        }
        catch (Exception ex)
        {
            // The answer carries whatever failed, so whoever awaits it sees the exception; thrown here, in a task
            // nobody awaits, it would be lost and the request never answered.
            Counted(requestId, null);
            candidate.SetException(ex);
            return;
        }

        // Forgotten before anyone sees the answer, so no later lookup can find it: the caller that started it holds it.
        // Never counted either, so the byte total stays the sum of what is held.
        if (!keep)
        {
            _results.TryRemove(KeyValuePair.Create(requestId, entry));
            candidate.SetResult(result);
            return;
        }

        // Counted before the answer is complete: only complete answers are ever removed, so each is added once before its one removal.
        Interlocked.Add(ref _bytes, bytes);
        candidate.SetResult(result);
        EvictIfFull(incoming: 0);
    }

    /// <summary>
    /// Forgets the answers whose retention has ended, at most once a minute. <see cref="GetOrStart"/> calls it too; the
    /// dispatcher calls it before it claims a request id, since the claim makes that id's earlier answer look pending.
    /// </summary>
    public void PruneIfDue()
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPrune = now;
        foreach (var (id, entry) in _results)
        {
            if (now - entry.SeenAt <= Retention || !entry.Result.IsCompleted)
            {
                continue;
            }

            if (IsAnswerAcknowledged(id))
            {
                Remove(id);
            }
            else
            {
                // Not acknowledged: the control plane has not got the answer yet, so a repeat of the id must still
                // find it. Kept, and its retention starts again now, so once the answer is acknowledged the control
                // plane still has the retention to ask again on purpose (issue 12, finding 1).
                _results.TryUpdate(id, (entry.Result, now), entry);
            }
        }
    }
}
