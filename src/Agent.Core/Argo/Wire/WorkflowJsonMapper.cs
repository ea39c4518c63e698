namespace Agent.Core.Argo.Wire;

public static class WorkflowJsonMapper
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
        json.Metadata?.Uid);
}
