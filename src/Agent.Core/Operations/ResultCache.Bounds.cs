using System.Runtime.InteropServices;

namespace Agent.Core.Operations;

/// <summary>
/// The bound on entries and bytes (issue 12, finding 3): request ids and answers come from the control plane, so
/// without one a peer could grow the cache for the whole retention period. At a bound the oldest finished answers
/// the control plane has acknowledged go first, down to 90 % of the bound so eviction is not paid on every request.
/// An answer still executing or not yet acknowledged is never evicted: a repeat of its id must get that answer,
/// not a second execution. Those are bounded by the outbox and the concurrency limit, so the cache can pass its
/// bound only by them.
/// </summary>
internal sealed partial class ResultCache
{
    private readonly Lock _evictGate = new();
    private long _bytes;

    /// <summary>Estimated bytes held by finished answers.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Whether the control plane has acknowledged the answer to a request id; only such answers may be evicted
    /// before their retention ends. The dispatcher, which knows each answer's seq, sets it; alone, the cache treats
    /// every finished answer as acknowledged.
    /// </summary>
    public Func<string, bool> IsAnswerAcknowledged { get; set; } = static _ => true;

    /// <summary>What an answer costs to keep: its id and texts as UTF-16, its data as the UTF-8 JSON it is held as.</summary>
    internal static long EstimateBytes(string requestId, OperationResult? result)
    {
        var characters = requestId.Length + (result?.Reason?.Length ?? 0) + (result?.RunId?.Length ?? 0);
        var data = result?.Data is { } element ? JsonMarshal.GetRawUtf8Value(element).Length : 0;
        return (2L * characters) + data;
    }

    private void Counted(string requestId, OperationResult? result) => Interlocked.Add(ref _bytes, EstimateBytes(requestId, result));

    private void Remove(string requestId)
    {
        if (_results.TryRemove(requestId, out var removed))
        {
            Interlocked.Add(ref _bytes, -EstimateBytes(requestId, removed.Result.IsCompletedSuccessfully ? removed.Result.Result : null));
        }
    }

    /// <summary>Makes room for <paramref name="incoming"/> more entries when the cache is at a bound.</summary>
    private void EvictIfFull(int incoming)
    {
        if (_results.Count + incoming <= _limits.MaxEntries && Bytes <= _limits.MaxBytes)
        {
            return;
        }

        lock (_evictGate)
        {
            // Room for what is coming, and then some.
            var targetEntries = Math.Min(_limits.MaxEntries - incoming, _limits.MaxEntries - (_limits.MaxEntries / 10));
            var targetBytes = _limits.MaxBytes - Math.Max(1, _limits.MaxBytes / 10);
            var evictable = _results
                .Where(entry => entry.Value.Result.IsCompleted && IsAnswerAcknowledged(entry.Key))
                .OrderBy(entry => entry.Value.SeenAt)
                .Select(entry => entry.Key)
                .ToList();
            foreach (var requestId in evictable)
            {
                if (_results.Count <= targetEntries && Bytes <= targetBytes)
                {
                    return;
                }

                Remove(requestId);
            }
        }
    }
}
