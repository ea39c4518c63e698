namespace Agent.Core.Executors.Argo;

/// <summary>
/// The run ids of every workflow of this agent that Argo holds, as the watcher last saw them: each list drops what it
/// no longer holds and each watch event adds or removes one, so it never holds more than Argo does. It lets a <c>pipeline.run</c>
/// with a new run id skip the Argo look-up for an earlier workflow of that run id (issue 12, finding 1): once the first
/// list is in, a run id not in this set has no workflow. A run id is about 100 bytes; the registry keeps far more per run.
/// </summary>
internal sealed class ArgoRunIds
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);
    private volatile bool _listed;

    /// <summary>The watcher's first list is in: from then on, a run id not held here has no workflow.</summary>
    public bool IsListed => _listed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _runIds.Count;
            }
        }
    }

    public bool Contains(string runId)
    {
        lock (_gate)
        {
            return _runIds.Contains(runId);
        }
    }

    public void Add(string? runId)
    {
        if (runId is null)
        {
            return;
        }

        lock (_gate)
        {
            _runIds.Add(runId);
        }
    }

    public void Remove(string? runId)
    {
        if (runId is null)
        {
            return;
        }

        lock (_gate)
        {
            _runIds.Remove(runId);
        }
    }

    /// <summary>After a full list, whose run ids the watcher has just added: forgets those Argo no longer holds.</summary>
    public void KeepOnly(IEnumerable<string?> listed)
    {
        var keep = listed.OfType<string>().ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            _runIds.IntersectWith(keep);
        }

        _listed = true;
    }
}
