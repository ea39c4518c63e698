using Agent.Core.Link;
using Agent.Core.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Web.Health;

/// <summary>Ready only while welcomed by the control plane; otherwise says why, e.g. a 4001 refusal or standby.</summary>
internal sealed class ControlPlaneHealthCheck(ConnectionState state, RequestDispatcher dispatcher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = state.Current;
        if (dispatcher.IsShuttingDown)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("draining: shutting down, taking no new work"));
        }

        if (dispatcher.DrainingSince is { } since)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"draining since {since:O}: taking no new work until DELETE /admin/drain"));
        }

        if (current.Status == ConnectionStatus.Connected)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"connected (session {current.SessionId})"));
        }

        var reason = current.LastCloseReason is null
            ? current.Status.ToString().ToLowerInvariant()
            : $"{current.Status.ToString().ToLowerInvariant()}: {current.LastCloseReason}";
        return Task.FromResult(HealthCheckResult.Unhealthy(reason));
    }
}
