using Agent.Core;
using Agent.Core.ControlPlane;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

public static class AgentServicesExtensions
{
    /// <summary>The agent itself: control-plane client, operation handlers, run registry, Argo gateway and watcher.</summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgentCore();

        // Leave the host time to finish in-flight operations and flush the outbox on SIGTERM (ControlPlaneService.StopAsync).
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ControlPlaneOptions>>(
            (host, controlPlane) => host.ShutdownTimeout = TimeSpan.FromSeconds(controlPlane.Value.ShutdownGraceSeconds + 5));
        return builder;
    }
}
