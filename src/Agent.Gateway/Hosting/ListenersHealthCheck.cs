using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Gateway.Hosting;

/// <summary>Ready once the host has started and all three listeners are bound.</summary>
internal sealed class ListenersHealthCheck(GatewayListeners listeners, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the gateway is stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested && listeners.AllBound ? HealthCheckResult.Healthy("listening")
            : HealthCheckResult.Unhealthy("the listeners are not all bound yet"));
}
