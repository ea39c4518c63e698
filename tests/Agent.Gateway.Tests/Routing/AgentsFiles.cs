using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Routing;

/// <summary>Agents-file texts for the routing tests; the tokens are the words themselves ("eu-token", "us-token").</summary>
internal static class AgentsFiles
{
    public const string Path = "/etc/gateway/agents.yaml";

    public static readonly string EuHash = TokenHash.Sha256Hex("eu-token");
    public static readonly string UsHash = TokenHash.Sha256Hex("us-token");

    public static string Standard(string? defaultAgent = "agent-eu") => $"""
        agents:
          - id: agent-eu
            tokenSha256: {EuHash}
          - id: agent-us
            tokenSha256: {UsHash}
        routes:
          - service: mysql_prod
            agent: agent-eu
          - service: "snowflake_*"
            agent: agent-us
          - service: "snowflake_eu?"
            agent: agent-eu
        {(defaultAgent is null ? "" : $"defaultAgent: {defaultAgent}")}
        """;

    public static AgentDirectory Load(string text) => AgentsFileLoader.Parse(Path, text);
}
