using Agent.Gateway.Agents;
using Agent.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Routing;

/// <summary>
/// Registers the agents file: <see cref="IAgentCredentials"/> (hashed tokens) and <see cref="IAgentRouter"/> (rules and
/// default agent). The file is read once at start-up; a change needs a restart (no reload on change).
/// </summary>
internal static class RoutingExtensions
{
    public static WebApplicationBuilder AddAgentDirectory(this WebApplicationBuilder builder)
    {
        var settings = builder.GatewayOptions();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, AgentsFileValidator>();
        builder.Services.AddSingleton(_ => AgentsFileLoader.Load(settings.AgentsFile!));
        builder.Services.AddSingleton<IAgentCredentials, AgentCredentials>();
        builder.Services.AddSingleton<IAgentRouter, AgentRouter>();
        return builder;
    }
}
