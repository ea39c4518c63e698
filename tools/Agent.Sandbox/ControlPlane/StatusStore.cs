using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The run states agents reported: every <c>run.status</c> in arrival order, and the final states learnt only from
/// <c>runs.reconcile</c> answers. Both lists share one lock because a reconciled state is kept only when neither
/// list has that run's final state yet. Waiters are signalled, never polled.
/// </summary>
internal sealed class StatusStore
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedStatus> _statuses = [];
    private readonly List<(Func<RunStatusPayload, bool> Match, TaskCompletionSource<ReceivedStatus> Signal)> _waiters = [];
    private readonly List<ReceivedStatus> _reconciled = [];

    /// <summary>Completes with the first status, already received or still to come, that matches.</summary>
    public Task<ReceivedStatus> WaitForAsync(Func<RunStatusPayload, bool> match, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var existing = _statuses.Find(s => match(s.Status));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<ReceivedStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = (match, signal);
            _waiters.Add(waiter);
            cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                signal.TrySetCanceled(cancellationToken);
            });
            return signal.Task;
        }
    }

    /// <summary>Every <c>run.status</c> received, in arrival order, optionally filtered.</summary>
    public IReadOnlyList<ReceivedStatus> Get(string? agentId, string? pipelineFqn, string? runId)
    {
        lock (_gate)
        {
            return [.. _statuses.Where(s =>
                (agentId is null || s.AgentId == agentId)
                && (pipelineFqn is null || s.Status.PipelineFqn == pipelineFqn)
                && (runId is null || s.Status.RunId == runId))];
        }
    }

    public void Add(ReceivedStatus received)
    {
        List<TaskCompletionSource<ReceivedStatus>> matched = [];
        lock (_gate)
        {
            _statuses.Add(received);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(received.Status))
                {
                    matched.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched.ForEach(signal => signal.TrySetResult(received));
    }

    /// <summary>Final states learnt from <c>runs.reconcile</c> answers that no <c>run.status</c> or earlier answer had given.</summary>
    public IReadOnlyList<ReceivedStatus> GetReconciled(string? agentId, string? runId)
    {
        lock (_gate)
        {
            return [.. _reconciled.Where(s => (agentId is null || s.AgentId == agentId) && (runId is null || s.Status.RunId == runId))];
        }
    }

    /// <summary>Keeps each run of a <c>runs.reconcile</c> answer whose final state this store does not have yet, once.</summary>
    public void AddReconciled(string agentId, string instanceId, IEnumerable<RunStatusPayload> runs, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            foreach (var run in runs.Where(run => !HasFinal(agentId, run.RunId)))
            {
                _reconciled.Add(new ReceivedStatus(agentId, instanceId, null, receivedAt, run));
            }
        }
    }

    /// <summary>When the oldest run the agent last reported as still active was reported so; null when none is.</summary>
    public long? OldestActiveRun(string agentId)
    {
        lock (_gate)
        {
            return _statuses.Where(s => s.AgentId == agentId)
                .GroupBy(s => s.Status.RunId, StringComparer.Ordinal)
                .Select(run => run.Last().Status)
                .Where(last => !PipelineStates.IsTerminal(last.PipelineState))
                .Select(last => (long?)last.Timestamp)
                .Min();
        }
    }

    private bool HasFinal(string agentId, string runId) =>
        _statuses.Concat(_reconciled).Any(s => s.AgentId == agentId && s.Status.RunId == runId && PipelineStates.IsTerminal(s.Status.PipelineState));
}
