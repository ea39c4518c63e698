namespace Agent.Core.Executors.Argo.Wire;

/// <summary>
/// One entry of <c>status.nodes</c>, keyed by node id. The agent reads what finds the main pod of a run and tells
/// whether it has started, and the times the admin API shows as the run's node transitions (Argo v4.1.2
/// <c>pkg/apis/workflow/v1alpha1/workflow_types.go</c> NodeStatus: <c>startedAt</c> is when the node was created,
/// <c>finishedAt</c> when it completed; swagger <c>io.argoproj.workflow.v1alpha1.NodeStatus</c>).
/// </summary>
internal sealed record NodeStatusJson(
    string? Id,
    string? Name,
    string? Type,
    string? TemplateName,
    string? Phase,
    string? Message,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null);
