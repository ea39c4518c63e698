namespace Agent.Core.Argo.Wire;

/// <summary>
/// One entry of <c>status.nodes</c>, keyed by node id. The agent reads only what finds the main pod of a run and tells
/// whether it has started (Argo v4.1.2 <c>pkg/apis/workflow/v1alpha1/workflow_types.go</c> NodeStatus).
/// </summary>
public sealed record NodeStatusJson(
    string? Id,
    string? Name,
    string? Type,
    string? TemplateName,
    string? Phase,
    string? Message);
