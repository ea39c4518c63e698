using Agent.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

internal static class LinkServiceCollectionExtensions
{
    /// <summary>
    /// The link to the control plane: the validators of <see cref="ControlPlaneOptions"/> (the host binds them), the
    /// agent's <see cref="AgentIdentity"/>, the outbox, the connection state and the reconnecting client. The composition
    /// supplies what the link only knows by interface: <see cref="IRequestSink"/>, <see cref="IHelloProvider"/> and
    /// <see cref="IRunsInFlight"/>; and the metrics. <see cref="ControlPlaneService"/> is added as a hosted service here,
    /// so hosted services that must stop after it are added before this is called.
    /// </summary>
    public static IServiceCollection AddLink(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsValidator>();
        services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsRules>();

        // AGENT_ID is configured with the link, but the agent's identity belongs to no part: everyone reads it here.
        services.AddSingleton(provider => new AgentIdentity(
            provider.GetRequiredService<IOptions<ControlPlaneOptions>>().Value.AgentId, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConnectionState>();
        services.AddSingleton<LoopProgress>();
        services.AddSingleton<SessionControl>();
        services.AddSingleton(provider => new ReliableOutbox(
            provider.GetRequiredService<IOptions<ControlPlaneOptions>>().Value.OutboxCapacity, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReliableSender>(provider => provider.GetRequiredService<ReliableOutbox>());
        services.AddSingleton<SessionServices>();
        services.AddSingleton(provider => new ReconnectBackoff(provider.GetRequiredService<IOptions<ControlPlaneOptions>>(), new Random()));
        services.TryAddSingleton<IControlPlaneConnector, ClientWebSocketConnector>();
        services.AddHostedService<ControlPlaneService>();
        return services;
    }
}
