namespace Agent.Core.Executors.Argo;

/// <summary>The result of a list: the workflows and the resource version to watch from.</summary>
internal sealed record WorkflowPage(IReadOnlyList<ArgoWorkflow> Workflows, string? ResourceVersion);
