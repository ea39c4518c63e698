namespace Agent.Sandbox.Argo.Control;

/// <summary>One row of <c>GET /sandbox/argo/cron-workflows</c>.</summary>
internal sealed record CronWorkflowSummary(
    string Name, string Namespace, bool Suspended, IReadOnlyList<string> Schedules, IReadOnlyDictionary<string, string> Labels);
