using Agent.Core.Executors.Argo;

namespace Agent.Web.Admin;

/// <summary>
/// One page of a run's log, paged as <c>pipeline.logs</c> pages it (<see cref="Page"/> is the <c>after</c> asked for,
/// <see cref="After"/> the next page's, absent on the last; <see cref="Total"/> is a lower bound until the last page),
/// and the run's recent transitions read from its workflow's status. <see cref="Logs"/> is null, and
/// <see cref="LogsUnavailable"/> says why, when Argo has no log (pods not started yet or already removed).
/// </summary>
internal sealed record JobLogsView(
    string RunId,
    string PipelineFqn,
    string WorkflowName,
    string TaskKey,
    int Page,
    string? Logs,
    string? LogsUnavailable,
    int? Total,
    int? After,
    IReadOnlyList<NodeTransition> Events);
