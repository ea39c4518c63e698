using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Web.Health;

/// <summary>
/// A readiness probe of an executor's backend, single-flight and cached: however many probes arrive together, one call
/// answers them all, and its answer is kept for <see cref="CacheFor"/>, so kubelet, load balancers and monitoring
/// polling <c>/ready</c> never become a load on the Argo Server or the Kubernetes API server. Each call is bounded by
/// <see cref="CallTimeout"/>; a caller that gives up stops waiting while the shared call goes on.
/// </summary>
internal sealed class SharedProbe(Func<CancellationToken, Task<HealthCheckResult>> probe, string unanswered, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _inFlight;
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
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

        return shared.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAndRememberAsync()
    {
        HealthCheckResult result;
        using (var timeout = new CancellationTokenSource(CallTimeout, timeProvider))
        {
            try
            {
                result = await probe(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                result = HealthCheckResult.Unhealthy($"{unanswered} did not answer within {CallTimeout.TotalSeconds:0} s");
            }
        }

        lock (_gate)
        {
            _last = (result, timeProvider.GetUtcNow());
        }

        return result;
    }
}
