using Agent.Core;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>Says once at start how the admin API is protected, and warns when it is not.</summary>
internal sealed partial class AdminStartupCheck(
    IOptions<ServerOptions> options, ListenerPorts ports, IHostApplicationLifetime lifetime, ILogger<AdminStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Said once the listeners are bound, so the port is the real one even when configured as 0.
        lifetime.ApplicationStarted.Register(Describe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Describe()
    {
        var server = options.Value;
        if (server.AdminAuthEnabled)
        {
            Protected(logger, server.EffectiveAdminHost, ports.AdminPort);
        }
        else
        {
            Unprotected(logger, server.EffectiveAdminHost, ports.AdminPort);
        }
    }

    [LoggerMessage(EventId = AgentEventIds.AdminUnprotected, Level = LogLevel.Warning, Message = "Admin API has no key (ADMIN_API_KEY or ADMIN_API_KEY_FILE): it listens on {Host}:{Port} only; reach it with kubectl port-forward")]
    private static partial void Unprotected(ILogger logger, string host, int port);

    [LoggerMessage(EventId = AgentEventIds.AdminProtected, Level = LogLevel.Information, Message = "Admin API listens on {Host}:{Port} and requires its API key")]
    private static partial void Protected(ILogger logger, string host, int port);
}
