using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>IAgentRouter over an exact service → agent table and a default agent (the real one adds globs and a file).</summary>
internal sealed class TableRouter : IAgentRouter
{
    public Dictionary<string, string> Routes { get; } = new(StringComparer.Ordinal);

    public string? DefaultAgent { get; set; }

    public HashSet<string> KnownAgents { get; } = new(StringComparer.Ordinal);

    public RouteDecision ForService(string serviceFqn) =>
        Routes.TryGetValue(serviceFqn, out var agent) ? new RouteDecision(agent, $"service {serviceFqn}")
        : new RouteDecision(DefaultAgent, DefaultAgent is null ? "no rule" : "defaultAgent");

    public RouteDecision ForTestConnection(string? ingestionRunner, string? serviceName) =>
        ingestionRunner is not null && KnownAgents.Contains(ingestionRunner)
            ? new RouteDecision(ingestionRunner, "ingestionRunner")
            : ForService(serviceName ?? string.Empty);
}
