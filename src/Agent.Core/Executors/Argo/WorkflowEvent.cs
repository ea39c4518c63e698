namespace Agent.Core.Executors.Argo;

/// <summary>One watch event: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c> or <c>BOOKMARK</c>.</summary>
internal sealed record WorkflowEvent(string Type, ArgoWorkflow Workflow);
