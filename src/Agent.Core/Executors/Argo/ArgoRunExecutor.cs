using Agent.Core.Executors.Argo.Building;
using Agent.Core.Execution;
using Agent.Core.Logs;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The executor seam on Argo Workflows: one workflow per run, built once (<see cref="ArgoRunBuilder"/>), reached only
/// through this agent's own workflows (<see cref="OwnedWorkflows"/>). Argo's failures leave it as
/// <see cref="ExecutorException"/> (<see cref="ArgoFailures"/>).
/// </summary>
internal sealed class ArgoRunExecutor(
    IArgoWorkflowClient argo,
    OwnedWorkflows owned,
    ArgoRunBuilder builder,
    RunTerminator terminator,
    ArgoRunIds runIds,
    IOptions<ArgoOptions> options) : IRunExecutor
{
    /// <summary><c>hello.executor.kind</c>.</summary>
    public const string Kind = "argo";

    /// <summary><c>service.status.platform</c> and every result's <c>platform</c>.</summary>
    public const string Platform = "Argo";

    public ExecutorDescription Description => new(Kind, Platform, options.Value.Namespace);

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        ArgoFailures.GuardAsync(() => argo.GetVersionAsync(cancellationToken));

    public async Task<RunPlan> PlanAsync(RunRequest run, CancellationToken cancellationToken) =>
        await builder.BuildRunAsync(run, cancellationToken);

    /// <summary>
    /// Found by this agent's run-id label, not by the name: the name carries the pipeline name, so Argo's 409 on the name
    /// cannot catch a run id sent again under another pipeline name (issue 12, finding 1). Once the watcher's first list
    /// is in, it knows every run id Argo holds for this agent (<see cref="ArgoRunIds"/>): a new one, the common case,
    /// costs no call.
    /// </summary>
    public Task<EarlierRun?> FindEarlierRunAsync(string runId, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        if (runIds.IsListed && !runIds.Contains(runId))
        {
            return null;
        }

        var page = await owned.ListRunAsync(runId, cancellationToken);
        var earlier = page.Workflows.Where(candidate => candidate.RunId == runId).MinBy(candidate => candidate.CreatedAt);
        return earlier is null ? null : new EarlierRun(earlier.Name, earlier.Annotation(WorkflowLabels.PipelineFqnAnnotation));
    });

    /// <summary>
    /// The workflow name derives from the run id, so a replay (after a reconnect, a retry or an agent restart) meets
    /// Argo's 409; the run-id annotation of the workflow holding the name tells a replay from another run.
    /// </summary>
    public Task<RunStart> StartAsync(RunPlan plan, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        var workflow = (plan as ArgoRunPlan ?? throw new ArgumentException("the plan was not made by this executor", nameof(plan))).Workflow;
        try
        {
            await argo.CreateWorkflowAsync(workflow, cancellationToken);
            return RunStart.Started;
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.AlreadyExists)
        {
            var existing = await argo.GetWorkflowAsync(plan.WorkflowName, cancellationToken);
            return existing?.Annotation(WorkflowLabels.RunIdAnnotation) == plan.Run.RunId ? RunStart.AlreadyStarted : RunStart.NameTakenByAnotherRun;
        }
    });

    public Task<RunStop> StopRunAsync(string pipelineFqn, string runId, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        var workflow = await owned.FindAsync(pipelineFqn, runId, cancellationToken);
        if (workflow is null)
        {
            return RunStop.NotFound;
        }

        if (workflow.IsCompleted)
        {
            return RunStop.AlreadyFinished;
        }

        await terminator.StopAsync(workflow.Name, cancellationToken);
        return RunStop.Stopped;
    });

    /// <summary>One run that cannot be stopped does not keep the others running (issue 12, finding 10).</summary>
    public Task<IReadOnlyList<RunStopResult>> StopPipelineRunsAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        ArgoFailures.GuardAsync<IReadOnlyList<RunStopResult>>(async () =>
        {
            var active = await owned.ListActiveAsync(pipelineFqn, cancellationToken);
            var results = new List<RunStopResult>(active.Workflows.Count);
            foreach (var workflow in active.Workflows)
            {
                var runId = workflow.RunId ?? workflow.Name;
                try
                {
                    await terminator.StopAsync(workflow.Name, cancellationToken);
                    results.Add(new RunStopResult(runId, workflow.Name, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A cancellation is the request's own (deadline, shutdown), not this run's failure: it ends the request.
                    results.Add(new RunStopResult(runId, workflow.Name, ArgoFailures.ToExecutor(ex)));
                }
            }

            return results;
        });

    public Task<IReadOnlyList<RunView>> ListRunsAsync(string? pipelineFqn, CancellationToken cancellationToken) =>
        ArgoFailures.GuardAsync<IReadOnlyList<RunView>>(async () =>
        {
            var page = pipelineFqn is null
                ? await owned.ListAsync(cancellationToken)
                : await owned.ListPipelineAsync(pipelineFqn, cancellationToken);
            return [.. page.Workflows.Select(ArgoRunViews.From)];
        });

    /// <summary>Argo serves logs only while the pods exist, so a run whose pods are gone says exactly that (<see cref="RunLogReader"/>).</summary>
    public Task<RunLogPage?> ReadLogPageAsync(string pipelineFqn, string? runId, int page, CancellationToken cancellationToken) =>
        ArgoFailures.GuardAsync(async () =>
        {
            var workflow = await owned.FindAsync(pipelineFqn, runId, cancellationToken);
            return workflow is null ? null : await RunLogReader.ReadPageAsync(argo, workflow, page, cancellationToken);
        });

    public Task DeleteRunsAsync(string pipelineFqn, CancellationToken cancellationToken) => ArgoFailures.GuardAsync(async () =>
    {
        foreach (var workflow in (await owned.ListPipelineAsync(pipelineFqn, cancellationToken)).Workflows)
        {
            await argo.DeleteWorkflowAsync(workflow.Name, cancellationToken);
        }
    });
}
