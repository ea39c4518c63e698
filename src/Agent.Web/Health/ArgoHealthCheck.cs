using Agent.Core.Argo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Web.Health;

/// <summary>
/// Ready only while Argo accepts the agent's token. The answer is kept for <see cref="CacheFor"/> so frequent
/// probes do not become a load on the Argo Server.
/// </summary>
public sealed class ArgoHealthCheck(IArgoWorkflowClient argo, TimeProvider timeProvider) : IHealthCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } cached && timeProvider.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Result;
        }

        var result = await ProbeAsync(cancellationToken);
        _last = (result, timeProvider.GetUtcNow());
        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            await argo.CheckAccessAsync(timeout.Token);
            return HealthCheckResult.Healthy("Argo Server reachable; token accepted");
        }
        catch (ArgoException ex)
        {
            return HealthCheckResult.Unhealthy($"Argo {ex.Kind}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Argo Server did not answer within {CallTimeout.TotalSeconds:0} s");
        }
    }
}
