namespace Agent.Core.Executors.Argo.Wire;

/// <summary>A cron workflow list. <see cref="Items"/> is null, not empty, when nothing matches (Argo notes §3).</summary>
internal sealed record CronWorkflowListJson(List<CronWorkflowJson>? Items);
