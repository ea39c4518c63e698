using Agent.Core.Argo;
using Agent.Core.Argo.Building;
using Agent.Core.Customization;
using Agent.Core.Identity;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// Starts exactly one Argo Workflow per run id, for pipeline runs, applications and automations alike. The workflow
/// name derives from the run id, so a replay (after a reconnect, a retry or an agent restart) meets Argo's 409 and
/// is answered as the same run. The name also carries the pipeline name, so a run id sent again under another name
/// is found by its run-id label first (see <see cref="StartedEarlierAsync"/>).
/// </summary>
public sealed partial class RunStarter(
    IArgoWorkflowClient argo,
    WorkflowFactory factory,
    RunRegistry registry,
    WorkflowCustomizer customizer,
    LocalPolicy policy,
    AgentMetrics metrics,
    AgentIdentity identity,
    RunInventory inventory,
    ArgoRunIds argoRunIds,
    TimeProvider timeProvider,
    ILogger<RunStarter> logger)
{
    public async Task<OperationResult> StartAsync(RunRequest run, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["PipelineFqn"] = run.PipelineFqn });
        var workflow = factory.Build(run);
        workflow.Spec = await customizer.ApplyAsync(workflow.Spec!, TypeKey(run), cancellationToken);
        if (policy.Refusal(run.PipelineType, WorkflowCustomizer.Images(workflow.Spec)) is { } refusal)
        {
            Log.Refused(logger, run.RunId, run.PipelineFqn, refusal);
            return new OperationResult(ResultCodes.Forbidden, refusal);
        }

        if (await StartedEarlierAsync(run, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var candidate = new RunRecord(run.RunId, run.PipelineFqn, run.PipelineType, run.WorkflowName, PipelineStates.Queued, timeProvider.GetUtcNow());
        var known = registry.GetOrAdd(candidate);
        if (!ReferenceEquals(known, candidate) && known.WorkflowName != run.WorkflowName)
        {
            return SameRun(run, known.PipelineFqn, known.WorkflowName);
        }

        if (known.PipelineFqn != run.PipelineFqn)
        {
            return Conflict(run, known.PipelineFqn);
        }

        // Until Argo holds this run's workflow, the registered record is only a claim: every way out that did not
        // make it (cancelled, refused, failed, the name taken by another run) withdraws it, or it would stay queued
        // forever. Should Argo have created it after all (a cancelled call that reached it), the watcher adopts it.
        var confirmed = false;
        try
        {
            confirmed = await CreateAsync(run, workflow, cancellationToken);
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
            return new OperationResult(ResultCodes.Conflict, $"workflow '{run.WorkflowName}' exists but was not created for run '{run.RunId}'");
        }

        return Started(run.RunId, run.WorkflowName);
    }

    /// <summary>True once Argo holds the run's workflow; false when its name belongs to another run.</summary>
    private async Task<bool> CreateAsync(RunRequest run, Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1.Workflow workflow, CancellationToken cancellationToken)
    {
        try
        {
            await argo.CreateWorkflowAsync(workflow, cancellationToken);
            metrics.JobsCreated.Inc();
            Log.Created(logger, run.RunId, run.WorkflowName, run.PipelineFqn);
            return true;
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.AlreadyExists)
        {
            var existing = await argo.GetWorkflowAsync(run.WorkflowName, cancellationToken);
            if (existing?.Annotation(WorkflowLabels.RunIdAnnotation) != run.RunId)
            {
                return false;
            }

            Log.AlreadyCreated(logger, run.RunId, run.WorkflowName);
            return true;
        }
    }

    /// <summary>The key of <c>ARGO_PIPELINE_TYPE_CONFIGS</c> that applies: automations have their own.</summary>
    public static string TypeKey(RunRequest run) => run.Kind == RunKind.Automation ? "automation" : run.PipelineType;

    /// <summary>
    /// The answer for a run id that already has a workflow of this agent under another name, or null. The workflow name
    /// carries the pipeline name, so Argo's 409 on the name cannot catch a run id sent again under another pipeline
    /// name (issue 12, finding 1). Found by this agent's run-id label in Argo, not by making the name depend on the run
    /// id alone: the registry forgets old runs and may not be rebuilt yet right after a restart, while Argo keeps the
    /// workflow until its TTL; the name keeps the pipeline name operators look for; and a workflow is found whatever
    /// name it was given. The list call is made only for a run id Argo is known to hold (<see cref="ArgoRunIds"/>), or
/// before the watcher's first list is in; a new run id, the common case, costs no call.
    /// </summary>
    private async Task<OperationResult?> StartedEarlierAsync(RunRequest run, CancellationToken cancellationToken)
    {
        // Once the watcher's first list is in, it knows every run id Argo holds for this agent: a new one needs no call.
        if (registry.Find(run.RunId) is not null || (inventory.IsListed && !argoRunIds.Contains(run.RunId)))
        {
            return null;
        }

        var page = await argo.ListWorkflowsAsync(OwnedRunSelectors.Run(identity.AgentId, run.RunId), cancellationToken);
        var earlier = page.Workflows.Where(candidate => candidate.RunId == run.RunId).MinBy(candidate => candidate.CreatedAt);
        return earlier is null ? null : SameRun(run, earlier.Annotation(WorkflowLabels.PipelineFqnAnnotation), earlier.Name);
    }

    /// <summary>A run id started earlier as <paramref name="workflowName"/>: the same run when the pipeline is the same, else 409.</summary>
    private OperationResult SameRun(RunRequest run, string? pipelineFqn, string workflowName)
    {
        if (pipelineFqn != run.PipelineFqn)
        {
            return Conflict(run, pipelineFqn);
        }

        Log.StartedUnderAnotherName(logger, run.RunId, workflowName, run.WorkflowName);
        return Started(run.RunId, workflowName);
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
