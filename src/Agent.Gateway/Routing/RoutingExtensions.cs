namespace Agent.Gateway.Routing;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class RoutingExtensions
{
    public static WebApplicationBuilder AddAgentDirectory(this WebApplicationBuilder builder) => builder;
}
