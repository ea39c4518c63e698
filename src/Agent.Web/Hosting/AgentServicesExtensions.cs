using Agent.Core;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

internal static class AgentServicesExtensions
{
    /// <summary>
    /// The agent itself: control-plane client, operation handlers, run registry, Argo gateway and watcher, and the
    /// host's shutdown timeout that leaves them their grace period.
    /// </summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgentCore();
        builder.Services.AddSingleton<IConfigureOptions<HostOptions>, HostShutdownTimeout>();
        return builder;
    }
}
