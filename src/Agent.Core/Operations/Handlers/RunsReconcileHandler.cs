using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>runs.reconcile</c> (addition, protocol §7.1): every finished run of this agent that the executor still holds and
/// that ended at or after <c>since</c>, oldest end first. The executor is the only record the agent has that outlives its process,
/// so this, not the outbox, is how a control plane that missed final statuses (an agent restart lost its outbox, or
/// the control plane was away past the automatic recovery at start) gets them back, however long ago they ended.
/// </summary>
internal sealed class RunsReconcileHandler(IRunExecutor executor, TimeProvider timeProvider) : IOperationHandler
{
    /// <summary>At most this many runs per answer (about 300 bytes each), far below the 4 MiB frame limit.</summary>
    public const int MaxRuns = 5_000;

    public string Type => MessageTypes.RunsReconcile;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.RunsReconcileRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        if (payload.Since < 0)
        {
            return OperationResult.BadRequest("'since' must be epoch milliseconds, not negative");
        }

        var since = DateTimeOffset.FromUnixTimeMilliseconds(payload.Since ?? 0);
        var runs = await executor.ListRunsAsync(null, cancellationToken);
        var now = timeProvider.GetUtcNow();

        // Owned as the watcher adopts: a run id and a pipeline to report it under. Finished means a final state, so a
        // run that is still stopping is not listed yet; hello.inventory and its later run.status cover it.
        var finished = runs
            .Where(run => run.RunId is not null && run.FinishedAt >= since && run.PipelineFqn is not null && PipelineStates.IsTerminal(run.State))
            .OrderBy(run => run.FinishedAt)
            .ThenBy(run => run.WorkflowName, StringComparer.Ordinal)
            .Select(run => run.ToStatus(run.PipelineFqn!, now))
            .ToList();
        var data = new RunsReconcileData([.. finished.Take(MaxRuns)], finished.Count > MaxRuns);
        return OperationResult.Success(data, ProtocolJsonContext.Default.RunsReconcileData);
    }
}
