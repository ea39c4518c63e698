using System.Collections.Concurrent;
using Agent.Core.Link;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Runs;

/// <summary>
/// Every run the agent knows, keyed by run id and by workflow name. Finished runs stay for a while so the
/// admin API can show them, up to <see cref="FinishedRetention"/> of them.
/// </summary>
internal sealed class RunRegistry : IRunsInFlight
{
    public const int FinishedRetention = 1_000;

    private readonly ConcurrentDictionary<string, RunRecord> _byRunId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _runIdByWorkflow = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();

    public int InFlightCount => _byRunId.Values.Count(run => !PipelineStates.IsTerminal(run.State));

    public RunRecord? Find(string runId) => _byRunId.TryGetValue(runId, out var run) ? run : null;

    public RunRecord? FindByWorkflow(string workflowName) =>
        _runIdByWorkflow.TryGetValue(workflowName, out var runId) ? Find(runId) : null;

    /// <summary>Adds the run unless one with its id exists; returns the run now registered.</summary>
    public RunRecord GetOrAdd(RunRecord run)
    {
        var registered = _byRunId.GetOrAdd(run.RunId, run);
        _runIdByWorkflow.TryAdd(registered.WorkflowName, registered.RunId);
        return registered;
    }

    /// <summary>Applies <paramref name="change"/> atomically; returns the new record, or null for an unknown run.</summary>
    public RunRecord? Update(string runId, Func<RunRecord, RunRecord> change)
    {
        while (_byRunId.TryGetValue(runId, out var current))
        {
            var next = change(current);
            if (_byRunId.TryUpdate(runId, next, current))
            {
                TrackFinished(current, next);
                return next;
            }
        }

        return null;
    }

    /// <summary>Forgets a run whose workflow was never created, or was deleted (its final status sent).</summary>
    public void Remove(string runId)
    {
        if (_byRunId.TryRemove(runId, out var removed))
        {
            _runIdByWorkflow.TryRemove(removed.WorkflowName, out _);
        }
    }

    /// <summary>
    /// Forgets a run whose workflow was never created, unless its record changed since <paramref name="claim"/> was
    /// registered: only the watcher changes it, and only for a workflow Argo holds.
    /// </summary>
    public bool Withdraw(RunRecord claim)
    {
        if (!_byRunId.TryRemove(new KeyValuePair<string, RunRecord>(claim.RunId, claim)))
        {
            return false;
        }

        _runIdByWorkflow.TryRemove(new KeyValuePair<string, string>(claim.WorkflowName, claim.RunId));
        return true;
    }

    public IReadOnlyList<RunRecord> InFlight() =>
        [.. _byRunId.Values.Where(run => !PipelineStates.IsTerminal(run.State)).OrderBy(run => run.CreatedAt)];

    public IReadOnlyList<RunRecord> All() => [.. _byRunId.Values.OrderByDescending(run => run.CreatedAt)];

    private void TrackFinished(RunRecord before, RunRecord after)
    {
        if (PipelineStates.IsTerminal(before.State) || !PipelineStates.IsTerminal(after.State))
        {
            return;
        }

        _finished.Enqueue(after.RunId);
        while (_finished.Count > FinishedRetention && _finished.TryDequeue(out var oldest))
        {
            if (_byRunId.TryRemove(oldest, out var removed))
            {
                _runIdByWorkflow.TryRemove(removed.WorkflowName, out _);
            }
        }
    }
}
