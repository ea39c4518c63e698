using System.Text.Json;
using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Runs;

/// <summary>
/// Turns what the executor observes into <c>run.status</c> messages: one per state change of every run the agent owns,
/// whoever started it (a request, a schedule, or an agent that ran before this one).
/// </summary>
internal sealed partial class RunStatusReporter(
    RunRegistry registry,
    RunInventory inventory,
    IReliableSender outbox,
    AgentIdentity identity,
    RunRecovery recovery,
    AgentMetrics metrics,
    TimeProvider timeProvider,
    ILogger<RunStatusReporter> logger) : IRunObserver
{
    public async ValueTask<bool> ObserveAsync(RunView run, CancellationToken cancellationToken)
    {
        await ReportAsync(run, cancellationToken);
        return registry.FindByWorkflow(run.WorkflowName) is not null;
    }

    public async ValueTask<string?> ObserveGoneAsync(RunView last, CancellationToken cancellationToken)
    {
        if (registry.FindByWorkflow(last.WorkflowName) is not { } run || PipelineStates.IsTerminal(run.State))
        {
            // Never ours, or finished and reported.
            return null;
        }

        await ReportAsync(last, cancellationToken);
        registry.Remove(run.RunId);
        return run.RunId;
    }

    public void ObservedAll() => inventory.MarkListed();

    private async ValueTask ReportAsync(RunView workflow, CancellationToken cancellationToken)
    {
        var run = registry.FindByWorkflow(workflow.WorkflowName) ?? Adopt(workflow);
        if (run is null)
        {
            return;
        }

        var state = workflow.State;
        var message = workflow.Message;

        // The record of a run this agent started holds the request's time until Argo's creation time is seen.
        var created = workflow.CreatedAt ?? run.CreatedAt;

        // A queued run is reported again when the reason it waits changes (ContainerCreating → ImagePullBackOff).
        if (run.State == state && (state != PipelineStates.Queued || run.Message == message))
        {
            registry.Update(run.RunId, current => current with { CreatedAt = workflow.CreatedAt ?? current.CreatedAt });
            return;
        }

        // The registry takes the new state only once the outbox holds its report: were the enqueue cancelled (a full
        // outbox at shutdown), the registry would otherwise say "reported" and the next observation of the same state
        // would send nothing, ever. The watcher observes one workflow at a time, so no later report of this run can
        // overtake this update.
        var report = run with { State = state, CreatedAt = created, StartedAt = workflow.StartedAt, FinishedAt = workflow.FinishedAt, Message = message };
        var sent = await outbox.EnqueueAsync(
            MessageTypes.RunStatus,
            JsonSerializer.SerializeToElement(ToPayload(report), ProtocolJsonContext.Default.RunStatusPayload),
            null,
            cancellationToken);
        registry.Update(run.RunId, _ => report with { LastStatusSeq = sent.Seq });
        CountFinished(state);
        LogStateChange(report, workflow);
    }

    /// <summary>
    /// A failed run says why at Warning, once: this runs once per state change, and the watcher passes a final state on
    /// only once (its ReportedFinals), so a relist or a reconnect does not repeat it (issue 13). Argo's
    /// reason is the workflow's <c>status.message</c> (with retries, "No more retries left") and the last attempt's node
    /// message (<c>main: Error (exit code 1)</c>; FIDELITY §6.4, Argo v4.1.2 workflow/controller/operator.go
    /// inferFailedReason), so both are logged.
    /// </summary>
    private void LogStateChange(RunRecord report, RunView workflow)
    {
        if (report.State == PipelineStates.Failed)
        {
            Log.RunFailed(logger, report.RunId, report.PipelineFqn, workflow.Phase, workflow.ExecutorMessage, workflow.AttemptMessage, report.WorkflowName);
            return;
        }

        Log.StateChanged(logger, report.RunId, report.WorkflowName, report.State);
    }

    /// <summary>
    /// The run's state as a <c>run.status</c> payload. <c>timestamp</c> is the run's creation time, not the time of the
    /// report: OpenMetadata keys a pipeline's statuses by it, so every status of one run must carry the same value.
    /// </summary>
    public static RunStatusPayload ToPayload(RunRecord run) => new(
        run.PipelineFqn,
        run.RunId,
        run.WorkflowName,
        run.State,
        run.CreatedAt.ToUnixTimeMilliseconds(),
        (run.StartedAt ?? run.CreatedAt).ToUnixTimeMilliseconds(),
        run.FinishedAt?.ToUnixTimeMilliseconds(),
        run.Message);

    private RunRecord? Adopt(RunView workflow)
    {
        var runId = workflow.RunId;
        var pipelineFqn = workflow.PipelineFqn;
        if (runId is null || pipelineFqn is null)
        {
            Log.NotOurs(logger, workflow.WorkflowName);
            return null;
        }

        // An adopted run starts as "unknown" so its current state is reported once: the runs this process found
        // active, and those that finished while no agent was there. Runs that finished well before this process
        // started are left alone: the agent that saw them end reported them.
        var state = workflow.State;
        if (PipelineStates.IsTerminal(state) && workflow.FinishedAt < identity.StartedAt - recovery.Window)
        {
            return null;
        }

        var adopted = new RunRecord(
            runId,
            pipelineFqn,
            workflow.PipelineType ?? "unknown",
            workflow.WorkflowName,
            "unknown",
            workflow.CreatedAt ?? timeProvider.GetUtcNow(),
            workflow.StartedAt,
            workflow.FinishedAt,
            workflow.Message);
        return registry.GetOrAdd(adopted);
    }

    private void CountFinished(string state)
    {
        var status = state switch
        {
            PipelineStates.Success => "succeeded",
            PipelineStates.Failed => "failed",
            PipelineStates.Stopped => "stopped",
            PipelineStates.PartialSuccess => "partial_success",
            _ => null,
        };
        if (status is not null)
        {
            metrics.JobsByStatus.WithLabels(status).Inc();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.RunStateChanged, Level = LogLevel.Information, Message = "Run {RunId} ({WorkflowName}) is now {State}")]
        public static partial void StateChanged(ILogger logger, string runId, string workflowName, string state);

        [LoggerMessage(EventId = AgentEventIds.RunFailed, Level = LogLevel.Warning, Message = "Run {RunId} of pipeline {PipelineFqn} failed (Argo phase {Phase}): {ArgoMessage}; last attempt: {AttemptMessage} (workflow {WorkflowName})")]
        public static partial void RunFailed(ILogger logger, string runId, string pipelineFqn, string phase, string? argoMessage, string? attemptMessage, string workflowName);

        [LoggerMessage(EventId = AgentEventIds.WorkflowNotOurs, Level = LogLevel.Debug, Message = "Workflow {WorkflowName} carries no run annotations; ignored")]
        public static partial void NotOurs(ILogger logger, string workflowName);
    }
}
