using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The one gateway to this agent's own workflows and schedules: every list and watch it makes is narrowed by the agent
/// id it was built with (<see cref="OwnedRunSelectors"/>), so no caller can reach another agent's runs or forget to ask
/// for its own. Calls by name act on names these lists returned.
/// </summary>
internal sealed class OwnedWorkflows(IArgoWorkflowClient argo, IArgoCronWorkflowClient cron, string agentId)
{
    /// <summary>Selects every workflow of this agent, for the watcher's list and watch.</summary>
    public string Selector { get; } = WorkflowLabels.SelectorForAgent(agentId);

    public Task<WorkflowPage> ListAsync(CancellationToken cancellationToken) => argo.ListWorkflowsAsync(Selector, cancellationToken);

    public Task<WorkflowPage> ListPipelineAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        argo.ListWorkflowsAsync(OwnedRunSelectors.Pipeline(agentId, pipelineFqn), cancellationToken);

    /// <summary>The pipeline's workflows Argo has not marked completed.</summary>
    public Task<WorkflowPage> ListActiveAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        argo.ListWorkflowsAsync(OwnedRunSelectors.ActiveRunsOf(agentId, pipelineFqn), cancellationToken);

    /// <summary>The workflows carrying the run-id label of <paramref name="runId"/>, whatever their name.</summary>
    public Task<WorkflowPage> ListRunAsync(string runId, CancellationToken cancellationToken) =>
        argo.ListWorkflowsAsync(OwnedRunSelectors.Run(agentId, runId), cancellationToken);

    /// <summary>The names of the pipeline's CronWorkflows.</summary>
    public Task<IReadOnlyList<string>> ListSchedulesAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        cron.ListNamesAsync(OwnedRunSelectors.Pipeline(agentId, pipelineFqn), cancellationToken);

    /// <summary>
    /// The run with <paramref name="runId"/>, or the pipeline's newest when it is null. Matched on
    /// <see cref="ArgoWorkflow.RunId"/>, not the run-id label, because a scheduled run has none: its id is its uid.
    /// </summary>
    public async Task<ArgoWorkflow?> FindAsync(string pipelineFqn, string? runId, CancellationToken cancellationToken)
    {
        var page = await ListPipelineAsync(pipelineFqn, cancellationToken);
        return page.Workflows
            .Where(candidate => runId is null || candidate.RunId == runId)
            .MaxBy(candidate => candidate.CreatedAt);
    }
}
