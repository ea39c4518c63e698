namespace Agent.Core.Executors.Argo;

/// <summary>
/// One node of a workflow's <c>status.nodes</c>: for the agent's workflows, the main container's Pod node (one per
/// retry attempt, under a <c>Retry</c> node) and the exit handler's. <see cref="Phase"/> is the node's own, which is
/// <c>Pending</c> while its pod waits for an image or a node even though the workflow is already <c>Running</c>
/// (FIDELITY §6.2).
/// </summary>
internal sealed record WorkflowNode(string Id, string Name, string Type, string TemplateName, string Phase, string? Message)
{
    /// <summary>When the controller created the node (its pod may still be pending then).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the node completed; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
