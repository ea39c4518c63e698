using Agent.Core.Executors.Argo;
using Agent.Core.Connectivity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Agent.Web.Health;

/// <summary>
/// Ready only while Argo accepts the agent's token. Probes are single-flight: however many arrive together, one
/// Argo call answers them all, and its answer is kept for <see cref="CacheFor"/>, so kubelet, load balancers and
/// monitoring polling <c>/ready</c> never become a load on the Argo Server. The call goes through the probe's own
/// HTTP client (no retries, no circuit breaker: see <see cref="IArgoWorkflowClient.CheckAccessAsync"/>).
/// </summary>
internal sealed class ArgoHealthCheck(IArgoWorkflowClient argo, IOptions<ArgoOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _inFlight;
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> shared;
        lock (_gate)
        {
            if (_last is { } cached && timeProvider.GetUtcNow() - cached.At < CacheFor)
            {
                return Task.FromResult(cached.Result);
            }

            if (_inFlight is not { IsCompleted: false })
            {
                _inFlight = ProbeAndRememberAsync();
            }

            shared = _inFlight;
        }

        // A caller that gives up stops waiting; the check the others share goes on, bounded by its own timeout.
        return shared.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAndRememberAsync()
    {
        var result = await ProbeAsync();
        lock (_gate)
        {
            _last = (result, timeProvider.GetUtcNow());
        }

        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(CallTimeout, timeProvider);
        try
        {
            await argo.CheckAccessAsync(timeout.Token);
            return HealthCheckResult.Healthy("Argo Server reachable; token accepted");
        }
        catch (ArgoException ex)
        {
            // The message carries the cause (e.g. "TLS: certificate not trusted (set ARGO_SERVER_CERTIFICATE_PATH)",
            // FailureCause); the endpoint says which setting it is about.
            return HealthCheckResult.Unhealthy($"Argo {ex.Kind} at {RedactedUrl.Of(options.Value.Endpoint)}: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Argo Server did not answer within {CallTimeout.TotalSeconds:0} s");
        }
    }
}
