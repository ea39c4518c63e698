using Agent.Core;

namespace Agent.Web.Hosting;

public static class AgentServicesExtensions
{
    /// <summary>The agent itself: control-plane client, operation handlers, run registry, Argo gateway and watcher.</summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgentCore();

        // Leave time to finish in-flight operations and flush the outbox on SIGTERM (ControlPlaneService.StopAsync).
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }
}
