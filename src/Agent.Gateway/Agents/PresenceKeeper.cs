using Agent.Gateway.Hosting;
using Agent.Core.Protocol;
using Agent.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Agents;

/// <summary>
/// Keeps this replica's presence claims alive: on start it drops the claims its replica id still holds from an
/// earlier run (it holds no session yet), then it refreshes the claim of every session it holds three times per
/// presence bound. A replica that crashes stops refreshing, so its claims go stale and the agents it held are admitted
/// by the other replicas within the bound.
/// </summary>
internal sealed class PresenceKeeper(
    AgentSessions sessions,
    IAgentPresence presence,
    IReplicaBus bus,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<PresenceKeeper> logger) : BackgroundService
{
    private const int RefreshesPerBound = 3;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await presence.ReleaseAllAsync(bus.ReplicaId, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceTtl / RefreshesPerBound, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The gateway is stopping; the sessions release their claims as they close.
        }
    }

    /// <summary>Re-claims for every held session; one that lost its claim to another replica is closed with 4002.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var session in sessions.Claimed)
        {
            try
            {
                if (!await presence.ClaimAsync(session.AgentId, bus.ReplicaId, cancellationToken))
                {
                    AgentHubLog.PresenceLost(logger, session.AgentId, session.SessionId);
                    await session.CloseAsync(CloseCodes.DuplicateAgent, "another gateway replica holds this agent's session");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is away; the next tick tries again, and the bound leaves room for two misses.
                AgentHubLog.PresenceRefreshFailed(logger, ex, bus.ReplicaId);
                return;
            }
        }
    }
}
