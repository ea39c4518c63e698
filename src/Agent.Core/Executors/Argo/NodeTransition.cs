namespace Agent.Core.Executors.Argo;

/// <summary>
/// A change of a workflow or one of its nodes, read back from the times Argo keeps in the workflow's status: not a
/// Kubernetes Event. <see cref="Transition"/> is <c>started</c> (the node was created) or <c>finished</c>.
/// <see cref="Phase"/> and <see cref="Message"/> are the node's current ones on its <c>finished</c> entry, and on its
/// <c>started</c> entry while it has not finished (a pending pod's reason shows there); otherwise null, because the status
/// keeps no earlier phase.
/// </summary>
internal sealed record NodeTransition(DateTimeOffset At, string Node, string NodeType, string Transition, string? Phase, string? Message);
