namespace Agent.Core.Executors.Argo.Wire;

internal sealed record WorkflowSpecJson(string? Shutdown);
