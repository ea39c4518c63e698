namespace Agent.Core.Argo.Wire;

public sealed record LogEntryJson(string? PodName, string? Content);
