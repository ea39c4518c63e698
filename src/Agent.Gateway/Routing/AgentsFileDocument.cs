namespace Agent.Gateway.Routing;

/// <summary>The agents file (<c>GATEWAY_AGENTS_FILE</c>) as YamlDotNet reads it, before it is checked.</summary>
internal sealed class AgentsFileDocument
{
    public List<AgentsFileAgent?>? Agents { get; set; }

    public List<AgentsFileRoute?>? Routes { get; set; }

    public string? DefaultAgent { get; set; }
}
