using System.Globalization;
using Agent.Core;
using Agent.Core.Link;

namespace Agent.Web.Hosting;

public static class AgentServicesExtensions
{
    /// <summary>The agent itself: control-plane client, operation handlers, run registry, Argo gateway and watcher.</summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgentCore();

        // Leave the host time to finish in-flight operations and flush the outbox on SIGTERM (ControlPlaneService.StopAsync):
        // the grace period, then the flush's own reserve should in-flight work have used up the grace.
        // Read from configuration, not IOptions: the host resolves HostOptions while it is built, before the agent's
        // options are validated together, and a validation failure then would hide all the others.
        var grace = int.TryParse(builder.Configuration["ControlPlane:ShutdownGraceSeconds"], CultureInfo.InvariantCulture, out var seconds) ? seconds : 20;
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(grace, 0, 600)) + ControlPlaneService.FlushReserve);
        return builder;
    }
}
