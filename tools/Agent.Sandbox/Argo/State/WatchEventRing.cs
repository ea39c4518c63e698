namespace Agent.Sandbox.Argo.State;

/// <summary>
/// The bounded history a watch can resume from, like the kube-apiserver's watch cache. Not thread-safe:
/// <see cref="ArgoStore"/> guards it with its lock.
/// </summary>
internal sealed class WatchEventRing(int capacity)
{
    private readonly Queue<WatchEvent> _events = new();
    private long _newestDroppedVersion;

    public void Add(WatchEvent watchEvent)
    {
        if (_events.Count >= capacity)
        {
            _newestDroppedVersion = _events.Dequeue().ResourceVersion;
        }

        _events.Enqueue(watchEvent);
    }

    /// <summary>A client that has seen <paramref name="resourceVersion"/> missed nothing we dropped.</summary>
    public bool CanResumeFrom(long resourceVersion) => resourceVersion >= _newestDroppedVersion;

    public long OldestRetainedVersion => _events.Count > 0 ? _events.Peek().ResourceVersion : _newestDroppedVersion + 1;

    /// <summary>Forgets every retained event, as etcd compaction does, so any older resourceVersion is too old.</summary>
    public void Compact()
    {
        if (_events.Count > 0)
        {
            _newestDroppedVersion = _events.Last().ResourceVersion;
            _events.Clear();
        }
    }

    public IEnumerable<WatchEvent> After(long resourceVersion) => _events.Where(e => e.ResourceVersion > resourceVersion);
}
