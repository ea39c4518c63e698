using System.Collections.Concurrent;
using Agent.Core.Execution;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>An <see cref="IRunObserver"/> that follows every run and lets a test wait for a state of one.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    private readonly ConcurrentQueue<(RunView View, bool Gone)> _seen = new();
    private readonly List<(Func<RunView, bool, bool> Match, TaskCompletionSource<RunView> Done)> _waiters = [];
    private int _lists;
    private TaskCompletionSource? _relisted;
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Listed => _listed.Task;

    public IReadOnlyList<(RunView View, bool Gone)> Seen => [.. _seen];

    public ValueTask<bool> ObserveAsync(RunView run, CancellationToken cancellationToken)
    {
        Record(run, gone: false);
        return ValueTask.FromResult(true);
    }

    public ValueTask<string?> ObserveGoneAsync(RunView last, CancellationToken cancellationToken)
    {
        Record(last, gone: true);
        return ValueTask.FromResult(last.RunId);
    }

    /// <summary>How many lists the watcher has made.</summary>
    public int Lists => Volatile.Read(ref _lists);

    public void ObservedAll()
    {
        Interlocked.Increment(ref _lists);
        _listed.TrySetResult();
        lock (_waiters)
        {
            _relisted?.TrySetResult();
        }
    }

    /// <summary>Completes at the next list the watcher makes.</summary>
    public Task NextListAsync()
    {
        lock (_waiters)
        {
            _relisted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _relisted.Task.WaitAsync(TestTimeouts.Default);
        }
    }

    /// <summary>Completes with the first view (seen already or later) of <paramref name="runId"/> in <paramref name="state"/>.</summary>
    public Task<RunView> WaitForAsync(string runId, string state, bool gone = false)
    {
        var done = new TaskCompletionSource<RunView>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(RunView view, bool isGone) => view.RunId == runId && view.State == state && (!gone || isGone);
        lock (_waiters)
        {
            if (_seen.FirstOrDefault(seen => Match(seen.View, seen.Gone)) is { View: { } found })
            {
                return Task.FromResult(found);
            }

            _waiters.Add((Match, done));
        }

        return done.Task.WaitAsync(TestTimeouts.Default);
    }

    private void Record(RunView view, bool gone)
    {
        lock (_waiters)
        {
            _seen.Enqueue((view, gone));
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(view, gone)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(view);
            }
        }
    }
}
