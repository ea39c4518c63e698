using Agent.Core.Link;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Web.Health;

/// <summary>Alive while the connected session's receive and send loops keep moving; a stuck one fails liveness so the pod restarts.</summary>
internal sealed class LoopProgressHealthCheck(LoopProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stalled = progress.Stalled();
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy("process running; connection loops making progress")
            : HealthCheckResult.Unhealthy(string.Join("; ", stalled.Select(loop => $"{loop.Loop} loop made no progress for {loop.SilentFor.TotalSeconds:0} s"))));
    }
}
