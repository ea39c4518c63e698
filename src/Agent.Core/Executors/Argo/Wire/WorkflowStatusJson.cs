namespace Agent.Core.Executors.Argo.Wire;

internal sealed record WorkflowStatusJson(
    string? Phase,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    Dictionary<string, NodeStatusJson>? Nodes = null);
