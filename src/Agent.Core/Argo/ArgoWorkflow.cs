namespace Agent.Core.Argo;

/// <summary>The part of an Argo Workflow the agent reads: identity, labels and progress.</summary>
public sealed record ArgoWorkflow(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string Phase,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    string? Shutdown,
    string? ResourceVersion)
{
    public string? Label(string key) => Labels.TryGetValue(key, out var value) ? value : null;

    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;
}
