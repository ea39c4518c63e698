using System.Globalization;
using Agent.Core.Connectivity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Telemetry;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The retry, circuit breaker and per-attempt timeout around unary Argo calls, and what they log. Polly's own
/// telemetry logs every retry and breaker event with the exception's stack trace (Error for a last attempt or an
/// opened breaker): 682 lines in 60 s while Argo was down (issue 13). Each failure already reaches an agent catch site
/// that logs one line naming the cause, so Polly's events go to Debug, stack traces and all, and the breaker's two
/// transitions get one line each here.
/// </summary>
internal static partial class ArgoResilience
{
    /// <summary>Polly's events at Debug, for every pipeline from the container (only Argo's uses it).</summary>
    public static IServiceCollection AddQuietPollyTelemetry(this IServiceCollection services) =>
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = _ => ResilienceEventSeverity.Debug);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var argo = context.ServiceProvider.GetRequiredService<IOptions<ArgoOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ArgoResilience).FullName!);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            // Creates are safe to replay: workflow names are deterministic, so a replay meets 409. Six
            // attempts with a 2 s cap ride out a flaky Argo (30% 5xx loses a call 1 time in 4,000) within
            // about 7 s, and an open breaker is waited out rather than failing the request at once.
            MaxRetryAttempts = 6,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
        });

        // Trips only when Argo is mostly failing, not on a merely flaky one. While Argo stays down the breaker re-opens
        // after every failed trial call; that is said once, and again only after the calls resumed.
        var paused = 0;
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = 20,
            FailureRatio = 0.8,
            BreakDuration = TimeSpan.FromSeconds(5),
            OnOpened = args =>
            {
                var exception = args.Outcome.Exception;
                var cause = exception is null
                    ? string.Create(CultureInfo.InvariantCulture, $"Argo answered {(int?)args.Outcome.Result?.StatusCode}")
                    : ArgoErrorMapper.Map(exception).Message;
                var detail = exception is null ? null : ExceptionDetail.AtDebug(logger, exception);
                if (Interlocked.Exchange(ref paused, 1) == 0)
                {
                    Paused(logger, detail, args.BreakDuration.TotalSeconds, cause);
                }
                else
                {
                    StillPaused(logger, detail, args.BreakDuration.TotalSeconds, cause);
                }

                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Interlocked.Exchange(ref paused, 0);
                Resumed(logger);
                return ValueTask.CompletedTask;
            },
        });
        pipeline.AddTimeout(argo.AttemptTimeout);
    }

    [LoggerMessage(EventId = AgentEventIds.ArgoPaused, Level = LogLevel.Warning, Message = "Argo Server calls paused for {BreakSeconds:0.#} s after repeated failures; last: {Cause}")]
    private static partial void Paused(ILogger logger, Exception? exception, double breakSeconds, string cause);

    [LoggerMessage(EventId = AgentEventIds.ArgoStillPaused, Level = LogLevel.Debug, Message = "Argo Server calls stay paused for {BreakSeconds:0.#} s: the trial call failed: {Cause}")]
    private static partial void StillPaused(ILogger logger, Exception? exception, double breakSeconds, string cause);

    [LoggerMessage(EventId = AgentEventIds.ArgoResumed, Level = LogLevel.Information, Message = "Argo Server calls resumed")]
    private static partial void Resumed(ILogger logger);
}
