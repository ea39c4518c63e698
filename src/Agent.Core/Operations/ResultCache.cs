using System.Collections.Concurrent;

namespace Agent.Core.Operations;

/// <summary>
/// The answer, finished or still running, for each request id seen in the last <see cref="Retention"/>
/// (protocol §4: at least 15 minutes), so a request re-sent after a reconnect is never executed twice.
/// </summary>
public sealed class ResultCache(TimeProvider timeProvider)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, (Task<OperationResult> Result, DateTimeOffset SeenAt)> _results = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPrune = timeProvider.GetUtcNow();

    public int Count => _results.Count;

    /// <summary>
    /// Returns the answer already registered for <paramref name="requestId"/>, or starts <paramref name="execute"/>
    /// and registers its answer. Exactly one caller per id executes, however many race.
    /// </summary>
    public (Task<OperationResult> Result, bool IsDuplicate) GetOrStart(string requestId, Func<Task<OperationResult>> execute)
    {
        PruneIfDue();
        // Completed by the operation's own thread with no lock held, so the reply continues there without a hand-off.
        var candidate = new TaskCompletionSource<OperationResult>();
        var entry = _results.GetOrAdd(requestId, (candidate.Task, timeProvider.GetUtcNow()));
        if (entry.Result != candidate.Task)
        {
            return (entry.Result, true);
        }

        _ = CompleteAsync(candidate, execute);
        return (candidate.Task, false);
    }

    private static async Task CompleteAsync(TaskCompletionSource<OperationResult> candidate, Func<Task<OperationResult>> execute)
    {
        try
        {
            candidate.SetResult(await execute());
        }
        catch (Exception ex)
        {
            candidate.SetException(ex);
        }
    }

    private void PruneIfDue()
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastPrune = now;
        foreach (var (id, entry) in _results)
        {
            if (now - entry.SeenAt > Retention && entry.Result.IsCompleted)
            {
                _results.TryRemove(id, out _);
            }
        }
    }
}
