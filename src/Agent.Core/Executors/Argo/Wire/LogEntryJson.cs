namespace Agent.Core.Executors.Argo.Wire;

internal sealed record LogEntryJson(string? PodName, string? Content);
