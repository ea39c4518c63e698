namespace Agent.Core.Argo.Wire;

public sealed record ListMetaJson(string? ResourceVersion, string? Continue);
