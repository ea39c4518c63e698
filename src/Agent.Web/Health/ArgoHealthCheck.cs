using Agent.Core.Executors.Argo;
using Agent.Core.Connectivity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Agent.Web.Health;

/// <summary>
/// Ready only while Argo accepts the agent's token. Shared and cached (<see cref="SharedProbe"/>); the call goes
/// through the probe's own HTTP client (no retries, no circuit breaker: see <see cref="IArgoWorkflowClient.CheckAccessAsync"/>).
/// </summary>
internal sealed class ArgoHealthCheck : IHealthCheck
{
    public static readonly TimeSpan CacheFor = SharedProbe.CacheFor;

    private readonly SharedProbe _probe;

    public ArgoHealthCheck(IArgoWorkflowClient argo, IOptions<ArgoOptions> options, TimeProvider timeProvider) =>
        _probe = new SharedProbe(cancellationToken => ProbeAsync(argo, options.Value, cancellationToken), "Argo Server", timeProvider);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _probe.CheckAsync(cancellationToken);

    private static async Task<HealthCheckResult> ProbeAsync(IArgoWorkflowClient argo, ArgoOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await argo.CheckAccessAsync(cancellationToken);
            return HealthCheckResult.Healthy("Argo Server reachable; token accepted");
        }
        catch (ArgoException ex)
        {
            // The message carries the cause (e.g. "TLS: certificate not trusted (set ARGO_SERVER_CERTIFICATE_PATH)",
            // FailureCause); the endpoint says which setting it is about.
            return HealthCheckResult.Unhealthy($"Argo {ex.Kind} at {RedactedUrl.Of(options.Endpoint)}: {ex.Message}");
        }
    }
}
