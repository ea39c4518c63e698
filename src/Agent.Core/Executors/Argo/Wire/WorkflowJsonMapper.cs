namespace Agent.Core.Executors.Argo.Wire;

internal static class WorkflowJsonMapper
{
    private static readonly Dictionary<string, string> Empty = [];

    public static ArgoWorkflow ToWorkflow(WorkflowJson json) => new(
        json.Metadata?.Name ?? string.Empty,
        json.Metadata?.Namespace ?? string.Empty,
        json.Metadata?.Labels ?? Empty,
        json.Metadata?.Annotations ?? Empty,
        json.Status?.Phase ?? string.Empty,
        json.Metadata?.CreationTimestamp,
        json.Status?.StartedAt,
        json.Status?.FinishedAt,
        json.Status?.Message,
        json.Spec?.Shutdown,
        json.Metadata?.ResourceVersion,
        json.Metadata?.Uid)
    {
        Nodes = ToNodes(json.Status?.Nodes),
    };

    // The map key is the node id; the id field repeats it, but the key is what Argo guarantees.
    private static IReadOnlyList<WorkflowNode> ToNodes(Dictionary<string, NodeStatusJson>? nodes) => nodes is null or { Count: 0 }
        ? []
        : [.. nodes.Select(pair => new WorkflowNode(
            pair.Key,
            pair.Value.Name ?? string.Empty,
            pair.Value.Type ?? string.Empty,
            pair.Value.TemplateName ?? string.Empty,
            pair.Value.Phase ?? string.Empty,
            pair.Value.Message)
        {
            StartedAt = pair.Value.StartedAt,
            FinishedAt = pair.Value.FinishedAt,
        })];
}
