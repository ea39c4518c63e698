namespace Agent.Core.Executors.Argo.Wire;

internal sealed record ListMetaJson(string? ResourceVersion, string? Continue);
