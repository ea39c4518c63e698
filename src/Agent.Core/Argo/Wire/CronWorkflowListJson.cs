namespace Agent.Core.Argo.Wire;

/// <summary>A cron workflow list. <see cref="Items"/> is null, not empty, when nothing matches (Argo notes §3).</summary>
public sealed record CronWorkflowListJson(List<CronWorkflowJson>? Items);
