using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Telemetry;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The shared <see cref="ExecutorResilience"/> (retry, circuit breaker, per-attempt timeout) as a handler in front of
/// the official client, which takes delegating handlers rather than an <c>IHttpClientFactory</c> pipeline. Watches
/// (<c>?watch=true</c>) pass without the attempt timeout or retries: they stay open for minutes, and the
/// <see cref="JobWatcher"/> backs off and lists on its own when one fails.
/// </summary>
internal static class KubernetesResilience
{
    public static ResilienceHandler CreateHandler(KubernetesOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var api = new ExecutorApi(
            "Kubernetes API", "Kubernetes API", options.AttemptTimeout, exception => KubernetesFailures.ToExecutor(exception).Message,
            new ExecutorApiEventIds(AgentEventIds.KubernetesPaused, AgentEventIds.KubernetesStillPaused, AgentEventIds.KubernetesResumed),
            IsWatch);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = "kubernetes" };
        ExecutorResilience.Configure(builder, api, loggerFactory.CreateLogger(typeof(KubernetesResilience).FullName!));

        // Polly's own events at Debug, as the Argo pipeline's (ExecutorResilience.AddQuietPollyTelemetry).
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggerFactory, SeverityProvider = _ => ResilienceEventSeverity.Debug });
        return new ResilienceHandler(builder.Build());
    }

    public static bool IsWatch(HttpRequestMessage request) =>
        request.RequestUri?.Query is { Length: > 0 } query
        && query.TrimStart('?').Split('&').Any(pair => pair is "watch=true" or "watch=1");
}
