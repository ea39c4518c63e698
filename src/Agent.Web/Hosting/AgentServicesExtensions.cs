using Agent.Core;
using Agent.Core.Execution;
using Agent.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

internal static class AgentServicesExtensions
{
    /// <summary>
    /// The agent itself: control-plane client, operation handlers, run registry, the executor chosen by
    /// <c>EXECUTOR_TYPE</c> (<see cref="ExecutorSelection"/>), and the host's shutdown timeout that leaves them their
    /// grace period.
    /// </summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        var executor = ExecutorSelection.Read(builder.Configuration);
        builder.Services.AddAgentCore(executor);
        if (executor == ExecutorKind.Kubernetes)
        {
            builder.Services.AddHostedService<IgnoredArgoSettings>();
        }

        builder.Services.AddSingleton<IConfigureOptions<HostOptions>, HostShutdownTimeout>();
        return builder;
    }
}
