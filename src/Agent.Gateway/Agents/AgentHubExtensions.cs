using Agent.Core.Protocol;
using Agent.Gateway.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agent.Gateway.Agents;

internal static class AgentHubExtensions
{
    /// <summary>The agents' sessions, their admission, and the link that sends requests to them here or on another replica.</summary>
    public static WebApplicationBuilder AddAgentHub(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AgentSessions>();
        builder.Services.AddSingleton<IConnectedAgents>(services => services.GetRequiredService<AgentSessions>());
        builder.Services.AddSingleton<SessionServices>();
        builder.Services.AddSingleton<SessionAdmission>();
        builder.Services.AddSingleton<AgentLink>();
        builder.Services.AddSingleton<IAgentLink>(services => services.GetRequiredService<AgentLink>());
        builder.Services.AddHostedService<PresenceKeeper>();
        return builder;
    }

    /// <summary>
    /// <c>GET /api/v1/agents/connect</c> on the public listener, and this replica's answer to requests other replicas
    /// forward to the agents it holds.
    /// </summary>
    public static WebApplication MapAgentHub(this WebApplication app)
    {
        var link = app.Services.GetRequiredService<AgentLink>();
        app.Services.GetRequiredService<IReplicaBus>().Serve(link.ServeForwardedAsync);
        app.UseWebSockets();
        app.MapGet(ProtocolVersion.ConnectPath, AgentConnectEndpoint.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
