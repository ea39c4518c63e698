using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace Agent.Gateway.Hosting;

internal static class GatewayMetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// prometheus-net's default registry unless a test host registers its own first, so hosts side by side never
    /// share counters. Its default collectors are off, as in the agent: they export names <c>promtool</c> rejects.
    /// </summary>
    public static WebApplicationBuilder AddGatewayMetrics(this WebApplicationBuilder builder)
    {
        Prometheus.Metrics.SuppressDefaultMetrics();
        builder.Services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        builder.Services.AddSingleton<GatewayMetrics>();
        return builder;
    }

    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        // Created now so every metric is exported from the first scrape, even before it first moves.
        app.Services.GetRequiredService<GatewayMetrics>();
        app.MapMetrics(Path, app.Services.GetRequiredService<CollectorRegistry>()).RequireListener(ListenerKind.Metrics);
        return app;
    }
}
