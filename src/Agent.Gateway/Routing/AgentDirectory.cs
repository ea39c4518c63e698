namespace Agent.Gateway.Routing;

/// <summary>The checked content of the agents file: each agent's token hash, the rules in file order, the default agent.</summary>
internal sealed record AgentDirectory(
    string FilePath,
    IReadOnlyDictionary<string, byte[]> TokenHashes,
    IReadOnlyList<RouteRule> Rules,
    string? DefaultAgent);
