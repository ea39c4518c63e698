using System.Globalization;
using Agent.Core.Connectivity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Telemetry;

namespace Agent.Core.Executors;

/// <summary>
/// The retry, circuit breaker and per-attempt timeout around unary calls to an executor's API (the Argo Server, the
/// Kubernetes API server), and what they log. Polly's own telemetry logs every retry and breaker event with the
/// exception's stack trace (Error for a last attempt or an opened breaker): 682 lines in 60 s while Argo was down
/// (issue 13). Each failure already reaches an agent catch site that logs one line naming the cause, so Polly's events
/// go to Debug, stack traces and all, and the breaker's two transitions get one line each here.
/// </summary>
internal static class ExecutorResilience
{
    /// <summary>Polly's events at Debug, for every pipeline from the container.</summary>
    public static IServiceCollection AddQuietPollyTelemetry(this IServiceCollection services) =>
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = _ => ResilienceEventSeverity.Debug);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ExecutorApi api, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(api);
        var log = new ExecutorResilienceLog(api);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            // Creates are safe to replay: workflow and Job names are deterministic, so a replay meets 409. Six
            // attempts with a 2 s cap ride out a flaky API (30% 5xx loses a call 1 time in 4,000) within
            // about 7 s, and an open breaker is waited out rather than failing the request at once.
            MaxRetryAttempts = 6,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            ShouldHandle = args => ValueTask.FromResult(!IsStream(api, args.Context)
                && (HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is BrokenCircuitException)),
        });

        // Trips only when the API is mostly failing, not on a merely flaky one. While it stays down the breaker re-opens
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
                    ? string.Create(CultureInfo.InvariantCulture, $"{api.ShortName} answered {(int?)args.Outcome.Result?.StatusCode}")
                    : api.Describe(exception);
                var detail = exception is null ? null : ExceptionDetail.AtDebug(logger, exception);
                if (Interlocked.Exchange(ref paused, 1) == 0)
                {
                    log.Paused(logger, args.BreakDuration.TotalSeconds, cause, detail);
                }
                else
                {
                    log.StillPaused(logger, args.BreakDuration.TotalSeconds, cause, detail);
                }

                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Interlocked.Exchange(ref paused, 0);
                log.Resumed(logger, null);
                return ValueTask.CompletedTask;
            },
        });

        // A watch stays open for minutes by design; only unary calls get the per-attempt limit.
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Timeout = api.AttemptTimeout,
            TimeoutGenerator = args => ValueTask.FromResult(IsStream(api, args.Context) ? Timeout.InfiniteTimeSpan : api.AttemptTimeout),
        });
    }

    private static bool IsStream(ExecutorApi api, ResilienceContext context) =>
        api.IsStream is { } isStream && context.GetRequestMessage() is { } request && isStream(request);
}
