namespace Agent.Core.Executors.Argo.Wire;

internal sealed record ObjectMetaJson(
    string? Name,
    string? Namespace,
    Dictionary<string, string>? Labels,
    Dictionary<string, string>? Annotations,
    DateTimeOffset? CreationTimestamp,
    string? ResourceVersion,
    string? Uid = null);
