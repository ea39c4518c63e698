using Agent.Gateway.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agent.Gateway.Hosting;

/// <summary>Ready only while the store answers: without it no deploy, status or presence works.</summary>
internal sealed partial class StoreHealthCheck(IAgentPresence presence, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    /// <summary>An agent id the agents file cannot hold (ids have no '~'): a read that touches the store and finds nothing.</summary>
    public const string ProbeAgentId = "~ready-probe~";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await presence.WhereAsync(ProbeAgentId, cancellationToken);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ProbeFailed(logger, ex.GetType().Name, ex);
            return HealthCheckResult.Unhealthy($"the store does not answer ({ex.GetType().Name})");
        }
    }

    [LoggerMessage(EventId = GatewayEventIds.ReadinessProbeFailed, Level = LogLevel.Warning, Message = "Readiness: the store does not answer ({ErrorType})")]
    private static partial void ProbeFailed(ILogger logger, string errorType, Exception exception);
}
