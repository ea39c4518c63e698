namespace Agent.Core.Argo.Wire;

/// <summary>A list page. <see cref="Items"/> is null, not empty, when nothing matches (Argo notes §3).</summary>
public sealed record WorkflowListJson(ListMetaJson? Metadata, List<WorkflowJson>? Items);
