namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The simulated log of a workflow's main pod. Readers poll with <see cref="Read"/> and await the returned
/// task, which completes on the next change, so a follow stream wakes without timers or sleeps.
/// </summary>
internal sealed class PodLogBook
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private PodState _state = PodState.NotCreated;
    private TaskCompletionSource _changed = NewSignal();

    public PodState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Moves the pod to <paramref name="state"/> and appends lines; a deleted pod stays deleted.</summary>
    public void Append(PodState state, IEnumerable<string> lines)
    {
        lock (_gate)
        {
            if (_state == PodState.Deleted)
            {
                return;
            }

            _state = state;
            _lines.AddRange(lines);
            Pulse();
        }
    }

    /// <summary>Pod garbage collection: the log is gone for good, as with Argo's podGC.</summary>
    public void DeletePods()
    {
        lock (_gate)
        {
            _state = PodState.Deleted;
            _lines.Clear();
            Pulse();
        }
    }

    public (IReadOnlyList<string> Lines, PodState State, Task Changed) Read(int fromLine)
    {
        lock (_gate)
        {
            var lines = fromLine < _lines.Count ? _lines.GetRange(fromLine, _lines.Count - fromLine) : [];
            return (lines, _state, _changed.Task);
        }
    }

    private void Pulse()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
