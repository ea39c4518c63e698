namespace Agent.Core.Argo.Wire;

public sealed record WorkflowSpecJson(string? Shutdown);
