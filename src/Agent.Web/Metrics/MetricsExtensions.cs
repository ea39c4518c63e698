using Agent.Core.Metrics;
using Agent.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Agent.Web.Metrics;

internal static class MetricsExtensions
{
    /// <summary>
    /// The registry the agent's metrics live in: prometheus-net's default one unless a test host registers its own
    /// first, so hosts running side by side never share counters. The default registry's own runtime collectors are
    /// turned off: its EventCounter and Meter adapters export gauges named <c>*_count</c> and <c>*_total</c> that
    /// <c>promtool check metrics</c> rejects, and every meter of the process, such as the 32 <c>msquic</c> gauges of
    /// System.Net.Quic's <c>Private.InternalDiagnostics.System.Net.Quic.MsQuic</c> that nobody reads (issue 13).
    /// <see cref="RuntimeMetrics"/> exports what operators read instead.
    /// </summary>
    public static WebApplicationBuilder AddAgentMetrics(this WebApplicationBuilder builder)
    {
        // Takes effect at the default registry's first collection, which has not happened yet at this point.
        Prometheus.Metrics.SuppressDefaultMetrics();
        builder.Services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        return builder;
    }

    /// <summary>Serves the metrics at <c>METRICS_SERVER_PATH</c> on the infra listener only.</summary>
    public static WebApplication MapAgentMetrics(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MetricsPath;
        var registry = app.Services.GetRequiredService<CollectorRegistry>();

        // Created now so every metric is exported from the first scrape, even before it first moves.
        app.Services.GetRequiredService<AgentMetrics>();
        RuntimeMetrics.Register(registry);
        app.MapMetrics(path, registry).RequireListener(ListenerKind.Infra);
        return app;
    }
}
