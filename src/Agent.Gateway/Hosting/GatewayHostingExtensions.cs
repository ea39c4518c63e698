using Agent.Gateway.Hosting.Admin;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

internal static class GatewayHostingExtensions
{
    /// <summary>Settings, logging, the three listeners, metrics, health checks, the admin API and its Swagger document.</summary>
    public static WebApplicationBuilder AddGatewayHosting(this WebApplicationBuilder builder)
    {
        builder.GatewayOptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AdminAuthorization>();
        builder.AddGatewayLogging();
        builder.AddGatewayListeners();
        builder.AddGatewayMetrics();
        builder.AddGatewayHealth();
        builder.AddAdminSwagger();
        return builder;
    }

    /// <summary>
    /// Checks every setting before anything starts, so a bad value stops the process with one line rather than
    /// surfacing from whichever service reads it first; then the middleware every listener shares.
    /// </summary>
    public static WebApplication UseGatewayHosting(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.UseGatewayRequestLogging();
        app.UseListenerRestriction();
        app.UseAdminSwagger();
        return app;
    }

    public static WebApplication MapGatewayHosting(this WebApplication app)
    {
        app.MapGatewayHealth();
        app.MapGatewayMetrics();
        app.MapAdminApi();
        return app;
    }
}
