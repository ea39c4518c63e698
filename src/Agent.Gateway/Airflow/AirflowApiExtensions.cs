using Agent.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace Agent.Gateway.Airflow;

/// <summary>
/// The managed-APIs routes OpenMetadata's AirflowRESTClient (OpenMetadata <see cref="OpenMetadataRelease.Version"/>,
/// client @03fa0ab6) calls, under each of the three prefixes it probes. They belong on the public listener only.
/// </summary>
internal static class AirflowApiExtensions
{
    public static WebApplicationBuilder AddAirflowApi(this WebApplicationBuilder builder)
    {
        // The one settings instance; its rules stop start-up on a bad value, before the first request.
        builder.Services.AddSingleton(AirflowApiSettings.From(builder.GatewayOptions()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new AirflowMetrics(sp.GetService<IMetricFactory>() ?? Metrics.DefaultFactory));
        builder.Services.AddSingleton<BasicAuthFilter>();
        builder.Services.AddSingleton<RouteMetricsFilter>();
        builder.Services.AddScoped<AirflowServices>();
        builder.Services.AddHostedService<PendingDeleteReplayer>();
        return builder;
    }

    public static WebApplication MapAirflowApi(this WebApplication app)
    {
        app.MapAirflowRoutes();
        return app;
    }

    /// <summary>
    /// Maps every route under every prefix and returns the group holding them all, for the hosting slice to restrict to
    /// the public listener (e.g. <c>RequireHost("*:{GATEWAY_PORT}")</c>).
    /// </summary>
    public static RouteGroupBuilder MapAirflowRoutes(this IEndpointRouteBuilder endpoints)
    {
        var all = endpoints.MapGroup(string.Empty).WithTags("Airflow").ExcludeFromDescription();
        all.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<RouteMetricsFilter>());
        foreach (var prefix in OpenMetadataRelease.Prefixes)
        {
            var group = all.MapGroup("/" + prefix);

            // The plugin leaves health open (routes/health.py); the client falls back to it for a CSRF cookie.
            group.MapGet("health", ServiceHandlers.Health);

            var secured = group.MapGroup(string.Empty);
            secured.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<BasicAuthFilter>());
            secured.MapGet("health-auth", ServiceHandlers.Health);
            secured.MapGet("csrf-token", ServiceHandlers.CsrfToken);
            secured.MapGet("ip", ServiceHandlers.Ip);
            secured.MapPost("deploy", DeployHandler.DeployAsync);
            secured.MapPost("trigger", TriggerHandler.TriggerAsync);
            secured.MapGet("status", StatusHandler.StatusAsync);
            secured.MapGet("last_dag_logs", LogsHandler.LastDagLogsAsync);
            secured.MapPost("kill", ControlHandlers.KillAsync);
            secured.MapPost("enable", ControlHandlers.EnableAsync);
            secured.MapPost("disable", ControlHandlers.DisableAsync);
            secured.MapDelete("delete", DeleteHandler.DeleteAsync);
            secured.MapPost("run_automation", RunOnceHandlers.RunAutomationAsync);
            secured.MapPost("run_application", RunOnceHandlers.RunApplicationAsync);
        }

        return all;
    }
}
