namespace Agent.Gateway.Hosting;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGatewayHosting(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseGatewayHosting(this WebApplication app) => app;

    public static WebApplication MapGatewayHosting(this WebApplication app) => app;
}
