namespace Agent.Gateway.Agents;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class AgentHubExtensions
{
    public static WebApplicationBuilder AddAgentHub(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAgentHub(this WebApplication app) => app;
}
