namespace Agent.Core.Executors.Argo.Wire;

/// <summary>A list page. <see cref="Items"/> is null, not empty, when nothing matches (Argo notes §3).</summary>
internal sealed record WorkflowListJson(ListMetaJson? Metadata, List<WorkflowJson>? Items);
