namespace Agent.Core.Executors.Argo;

/// <summary>
/// A run's recent story from its workflow alone: the workflow's and each node's <c>startedAt</c> and <c>finishedAt</c>
/// (Argo v4.1.2 <c>pkg/apis/workflow/v1alpha1/workflow_types.go</c> WorkflowStatus and NodeStatus), oldest first.
/// Kubernetes Events would say more (image pulls, scheduling), but the Argo Server serves them only as a watch
/// (<c>GET /api/v1/stream/events/{namespace}</c>, WatchEvents) that never ends on its own, and the agent's Role does not
/// grant reading events; the workflow's status is what <c>GET /api/v1/workflows/{namespace}/{name}</c> already returns.
/// </summary>
internal static class NodeTransitions
{
    public const string Started = "started";
    public const string Finished = "finished";
    public const string WorkflowType = "Workflow";

    /// <summary>The <paramref name="max"/> latest transitions, oldest first; a start sorts before a finish at the same time.</summary>
    public static IReadOnlyList<NodeTransition> Recent(ArgoWorkflow workflow, int max)
    {
        var all = new List<NodeTransition>();
        Add(all, workflow.Name, WorkflowType, workflow.StartedAt, workflow.FinishedAt, workflow.Phase, workflow.Message);
        foreach (var node in workflow.Nodes)
        {
            Add(all, node.Name, node.Type, node.StartedAt, node.FinishedAt, node.Phase, node.Message);
        }

        return [.. all.OrderBy(entry => entry.At).ThenBy(entry => entry.Transition == Finished).TakeLast(max)];
    }

    private static void Add(
        List<NodeTransition> into, string node, string type, DateTimeOffset? startedAt, DateTimeOffset? finishedAt, string phase, string? message)
    {
        var current = string.IsNullOrEmpty(phase) ? null : phase;
        if (startedAt is { } started)
        {
            into.Add(finishedAt is null
                ? new NodeTransition(started, node, type, Started, current, message)
                : new NodeTransition(started, node, type, Started, null, null));
        }

        if (finishedAt is { } finished)
        {
            into.Add(new NodeTransition(finished, node, type, Finished, current, message));
        }
    }
}
