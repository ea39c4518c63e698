using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>
/// Holds every <c>result</c> and <c>run.status</c> until the control plane acknowledges it (protocol §4).
/// Sequence numbers are per process, so after a reconnect the session resends exactly the entries above
/// <c>welcome.ackedSeq</c>, in order. It is bounded: producers wait for room instead of growing it without end.
/// </summary>
internal sealed class ReliableOutbox : IReliableSender, IDisposable
{
    private readonly LinkedList<OutboxEntry> _entries = new();
    private readonly SemaphoreSlim _room;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private TaskCompletionSource _appended = NewSignal();
    private long _lastSeq;
    private long _ackedSeq;

    public ReliableOutbox(int capacity, TimeProvider timeProvider)
    {
        _room = new SemaphoreSlim(capacity, capacity);
        _timeProvider = timeProvider;
    }

    public event Action<int>? DepthChanged;

    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public long AckedSeq => Interlocked.Read(ref _ackedSeq);

    /// <summary>The highest seq issued so far; no acknowledgement can truthfully name a higher one.</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastSeq;
            }
        }
    }

    public ValueTask<Envelope> EnqueueAsync(string type, JsonElement payload, string? replyTo, CancellationToken cancellationToken) =>
        AppendAsync(type, payload, replyTo, null, cancellationToken);

    public ValueTask<Envelope> EnqueueAsync(string type, JsonElement payload, string? replyTo, OutboxReceipt receipt, CancellationToken cancellationToken) =>
        AppendAsync(type, payload, replyTo, receipt, cancellationToken);

    /// <summary>
    /// Appends a message. The receipt gets its <c>seq</c> under the lock, before any sender can see the message: only
    /// the outbox's own code runs under its lock, never a caller's.
    /// </summary>
    private async ValueTask<Envelope> AppendAsync(
        string type, JsonElement payload, string? replyTo, OutboxReceipt? receipt, CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken);
        Envelope message;
        TaskCompletionSource appended;
        int depth;
        lock (_gate)
        {
            message = new Envelope(type, Guid.NewGuid().ToString(), _timeProvider.GetUtcNow(), payload, ++_lastSeq, replyTo);
            _entries.AddLast(new OutboxEntry(message, MessageCodec.Encode(message)));
            if (receipt is not null)
            {
                receipt.Seq = _lastSeq;
            }

            depth = _entries.Count;
            appended = _appended;
            _appended = NewSignal();
        }

        appended.TrySetResult();
        DepthChanged?.Invoke(depth);
        return message;
    }

    /// <summary>
    /// Drops everything up to <paramref name="seq"/>, never past the last seq issued; returns the acked entry still
    /// held, for timing.
    /// </summary>
    public OutboxEntry? Acknowledge(long seq)
    {
        OutboxEntry? acked = null;
        var released = 0;
        int depth;
        lock (_gate)
        {
            seq = Math.Min(seq, _lastSeq);
            while (_entries.First is { } first && first.Value.Seq <= seq)
            {
                acked = first.Value;
                _entries.RemoveFirst();
                released++;
            }

            _ackedSeq = Math.Max(_ackedSeq, seq);
            depth = _entries.Count;
        }

        if (released > 0)
        {
            _room.Release(released);
            DepthChanged?.Invoke(depth);
        }

        return acked?.Seq == seq ? acked : null;
    }

    /// <summary>The entries above <paramref name="seq"/> in order, and a task that completes when more arrive.</summary>
    public (IReadOnlyList<OutboxEntry> Entries, Task MoreAppended) After(long seq)
    {
        lock (_gate)
        {
            return (_entries.Where(entry => entry.Seq > seq).ToList(), _appended.Task);
        }
    }

    public void Dispose() => _room.Dispose();

    // Completed outside the lock, so the pump may run on the enqueuing thread: one thread-pool hand-off fewer per message.
    private static TaskCompletionSource NewSignal() => new();
}
