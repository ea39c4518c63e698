using Agent.Core.Execution;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// The run-start use case, for pipeline runs, applications and automations alike: exactly one run per run id. The
/// executor builds the run and names it from the run id, so a replay (after a reconnect, a retry or an agent restart)
/// is answered as the same run; a run id sent again under another pipeline name is found by the executor first (see
/// <see cref="StartedEarlierAsync"/>). Until the executor holds the run, the registry holds only a claim on it.
/// </summary>
internal sealed partial class RunStarter(
    IRunExecutor executor,
    RunRegistry registry,
    AgentMetrics metrics,
    TimeProvider timeProvider,
    ILogger<RunStarter> logger)
{
    public async Task<OperationResult> StartAsync(RunRequest run, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["PipelineFqn"] = run.PipelineFqn });
        var plan = await executor.PlanAsync(run, cancellationToken);
        if (plan.Refusal is { } refusal)
        {
            Log.Refused(logger, run.RunId, run.PipelineFqn, refusal);
            return new OperationResult(ResultCodes.Forbidden, refusal);
        }

        if (await StartedEarlierAsync(plan, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var candidate = new RunRecord(run.RunId, run.PipelineFqn, run.PipelineType, plan.WorkflowName, PipelineStates.Queued, timeProvider.GetUtcNow());
        var known = registry.GetOrAdd(candidate);
        if (!ReferenceEquals(known, candidate) && known.WorkflowName != plan.WorkflowName)
        {
            return SameRun(plan, known.PipelineFqn, known.WorkflowName);
        }

        if (known.PipelineFqn != run.PipelineFqn)
        {
            return Conflict(run, known.PipelineFqn);
        }

        // Until the executor holds this run, the registered record is only a claim: every way out that did not make it
        // (cancelled, refused, failed, the name taken by another run) withdraws it, or it would stay queued forever.
        // Should the executor have started it after all (a cancelled call that reached it), its observer adopts it.
        var confirmed = false;
        try
        {
            confirmed = await ConfirmStartAsync(plan, cancellationToken);
        }
        finally
        {
            if (!confirmed && ReferenceEquals(known, candidate))
            {
                registry.Withdraw(candidate);
            }
        }

        if (!confirmed)
        {
            return new OperationResult(ResultCodes.Conflict, $"workflow '{plan.WorkflowName}' exists but was not created for run '{run.RunId}'");
        }

        return Started(run.RunId, plan.WorkflowName);
    }

    /// <summary>True once the executor holds the run; false when its name belongs to another run.</summary>
    private async Task<bool> ConfirmStartAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        switch (await executor.StartAsync(plan, cancellationToken))
        {
            case RunStart.Started:
                metrics.JobsCreated.Inc();
                Log.Created(logger, plan.Run.RunId, plan.WorkflowName, plan.Run.PipelineFqn);
                return true;
            case RunStart.AlreadyStarted:
                Log.AlreadyCreated(logger, plan.Run.RunId, plan.WorkflowName);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The answer for a run id that the executor already holds under another name, or null. The name carries the
    /// pipeline name, so a replay's name check cannot catch a run id sent again under another pipeline name (issue 12,
    /// finding 1). A run id the registry knows needs no look-up; the registry forgets old runs and may not be rebuilt
    /// yet right after a restart, while the executor keeps the run until its TTL.
    /// </summary>
    private async Task<OperationResult?> StartedEarlierAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        if (registry.Find(plan.Run.RunId) is not null)
        {
            return null;
        }

        var earlier = await executor.FindEarlierRunAsync(plan.Run.RunId, cancellationToken);
        return earlier is null ? null : SameRun(plan, earlier.PipelineFqn, earlier.WorkflowName);
    }

    /// <summary>A run id started earlier as <paramref name="workflowName"/>: the same run when the pipeline is the same, else 409.</summary>
    private OperationResult SameRun(RunPlan plan, string? pipelineFqn, string workflowName)
    {
        if (pipelineFqn != plan.Run.PipelineFqn)
        {
            return Conflict(plan.Run, pipelineFqn);
        }

        Log.StartedUnderAnotherName(logger, plan.Run.RunId, workflowName, plan.WorkflowName);
        return Started(plan.Run.RunId, workflowName);
    }

    private static OperationResult Conflict(RunRequest run, string? pipelineFqn) =>
        new(ResultCodes.Conflict, $"run id '{run.RunId}' already belongs to pipeline '{pipelineFqn}'");

    private static OperationResult Started(string runId, string workflowName) =>
        OperationResult.Success(new RunStartedData(runId, workflowName), ProtocolJsonContext.Default.RunStartedData, runId);

    /// <summary>
    /// The request's own Information line (the dispatcher's, event 1220) already names the run, its pipeline and its
    /// code, so how the run was started is detail, at Debug: one operation, one Information line (issue 13).
    /// </summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.RunRefused, Level = LogLevel.Warning, Message = "Run {RunId} of pipeline {PipelineFqn} refused: {Refusal}")]
        public static partial void Refused(ILogger logger, string runId, string pipelineFqn, string refusal);

        [LoggerMessage(EventId = AgentEventIds.RunCreated, Level = LogLevel.Debug, Message = "Run {RunId} started as workflow {WorkflowName} for pipeline {PipelineFqn}")]
        public static partial void Created(ILogger logger, string runId, string workflowName, string pipelineFqn);

        [LoggerMessage(EventId = AgentEventIds.RunAlreadyCreated, Level = LogLevel.Debug, Message = "Run {RunId} was already started as workflow {WorkflowName}; not starting it again")]
        public static partial void AlreadyCreated(ILogger logger, string runId, string workflowName);

        [LoggerMessage(EventId = AgentEventIds.RunStartedUnderAnotherName, Level = LogLevel.Debug, Message = "Run {RunId} was already started as workflow {WorkflowName}; not starting it again as {RequestedName}")]
        public static partial void StartedUnderAnotherName(ILogger logger, string runId, string workflowName, string requestedName);
    }
}
