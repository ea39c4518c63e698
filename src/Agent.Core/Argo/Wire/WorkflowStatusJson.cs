namespace Agent.Core.Argo.Wire;

public sealed record WorkflowStatusJson(
    string? Phase,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    Dictionary<string, NodeStatusJson>? Nodes = null);
