using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Agent.Gateway.Hosting;

/// <summary>Serilog on the console, text or JSON (<c>LOG_FORMAT</c>) at <c>LOG_LEVEL</c>, as the agent writes it.</summary>
internal static class GatewayLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger for start-up, before configuration is read. A plain logger, not Serilog's reloadable bootstrap
    /// logger, so hosts built side by side in tests do not freeze one shared static (serilog/serilog-aspnetcore#251).
    /// </summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();

    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        // The logger is configured while the container is built. A bad value is refused by the settings' rules at
        // start, so the defaults here only last until that one line is written.
        var settings = builder.GatewayOptions();
        var json = string.Equals(settings.LogFormat, "json", StringComparison.OrdinalIgnoreCase);
        var level = Level(settings.LogLevel);
        builder.Services.AddSerilog(
            logger =>
            {
                logger.MinimumLevel.Is(level)
                    // Hosting's own per-request lines repeat the one request line below.
                    .MinimumLevel.Override("Microsoft.AspNetCore", level < LogEventLevel.Warning ? LogEventLevel.Warning : level)
                    .Enrich.FromLogContext()
                    // Every event names its replica, as presence, the bus and the admin view do: the same id.
                    .Enrich.WithProperty("ReplicaId", settings.ReplicaId);
                if (json)
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request; probes and scrapes only at Verbose so they do not drown the log.</summary>
    public static WebApplication UseGatewayRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : IsProbeOrScrape(context.Request.Path) ? LogEventLevel.Verbose
            : LogEventLevel.Information);
        return app;
    }

    public static LogEventLevel Level(string? name) => name?.ToLowerInvariant() switch
    {
        "verbose" or "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "warning" or "warn" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "fatal" or "critical" => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments(GatewayHealth.LivenessPath) || path.StartsWithSegments(GatewayHealth.ReadinessPath) || path.StartsWithSegments(GatewayMetricsEndpoint.Path);
}
