namespace Agent.Core.Argo;

/// <summary>Finds one run of a pipeline among this agent's workflows, for the requests that name a run.</summary>
public static class OwnedRuns
{
    /// <summary>
    /// The run with <paramref name="runId"/>, or the pipeline's newest when it is null. Matched on
    /// <see cref="ArgoWorkflow.RunId"/>, not the run-id label, because a scheduled run has none: its id is its uid.
    /// </summary>
    public static async Task<ArgoWorkflow?> FindAsync(
        IArgoWorkflowClient argo, string agentId, string pipelineFqn, string? runId, CancellationToken cancellationToken)
    {
        var page = await argo.ListWorkflowsAsync(OwnedRunSelectors.Pipeline(agentId, pipelineFqn), cancellationToken);
        return page.Workflows
            .Where(candidate => runId is null || candidate.RunId == runId)
            .MaxBy(candidate => candidate.CreatedAt);
    }
}
