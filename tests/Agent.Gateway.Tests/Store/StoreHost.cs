using Agent.Gateway.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agent.Gateway.Tests.Store;

/// <summary>A host with only the store registered (as Program.cs does it), started, so hosted services run as in the gateway.</summary>
internal static class StoreHost
{
    /// <summary>The settings the gateway's rules require of every host, whatever slice it runs; a test's own win.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Required = new Dictionary<string, string?>
    {
        ["AIRFLOW_USERNAME"] = "admin",
        ["AIRFLOW_PASSWORD"] = "admin-password",
        ["GATEWAY_AGENTS_FILE"] = "/etc/agent-gateway/agents.yaml",
    };

    public static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Required).AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddGatewayStore();
        var host = builder.Build();
        await host.StartAsync(TestTimeouts.Token());
        return host;
    }

    public static T Get<T>(this IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();

    public static async Task StopAndDisposeAsync(this IHost host)
    {
        await host.StopAsync(TestTimeouts.Token());
        host.Dispose();
    }
}
