using System.Globalization;
using Agent.Web.Health;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Agent.Web.Logging;

internal static class LoggingExtensions
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger for start-up, before configuration is read, so a failure there is still reported. It is a plain
    /// logger, not Serilog's reloadable bootstrap logger: hosts in parallel tests each build their own instead of
    /// freezing one shared static (serilog/serilog-aspnetcore#251).
    /// </summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture).CreateLogger();

    /// <summary>Serilog from configuration, text or JSON (<c>LOG_FORMAT=json</c>) on the console.</summary>
    public static WebApplicationBuilder AddAgentLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<LoggingOptions>().BindConfiguration(LoggingOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>();

        // Read before the container exists: the logger is configured while it is built. An unknown format is refused
        // by validation at start, so text here only lasts until that one line is written.
        var json = builder.Configuration.GetSection(LoggingOptions.SectionName).Get<LoggingOptions>()?.IsJson == true;
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                // Kestrel's failure to bind is said in one line by the start-up failure; hosting would add its stack trace.
                logger.Filter.ByExcluding(logEvent => logEvent.Exception is { } exception && ListenerBindFailure.IsAddressInUse(exception));
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
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
    public static WebApplication UseAgentRequestLogging(this WebApplication app)
    {
        var metricsPath = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MetricsPath;
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : IsProbeOrScrape(context.Request.Path, metricsPath) ? LogEventLevel.Verbose
            : LogEventLevel.Information);
        return app;
    }

    private static bool IsProbeOrScrape(PathString path, string metricsPath) =>
        path.StartsWithSegments(HealthExtensions.LivenessPath) || path.StartsWithSegments(HealthExtensions.ReadinessPath) || path.StartsWithSegments(metricsPath);
}
