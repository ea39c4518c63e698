namespace Agent.Core.Argo;

/// <summary>The result of a list: the workflows and the resource version to watch from.</summary>
public sealed record WorkflowPage(IReadOnlyList<ArgoWorkflow> Workflows, string? ResourceVersion);
