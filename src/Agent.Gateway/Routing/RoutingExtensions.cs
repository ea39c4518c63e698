using Agent.Gateway.Agents;
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
        builder.Services.AddOptionsWithValidateOnStart<AgentsFileOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Path = configuration[AgentsFileOptions.Variable]);
        builder.Services.AddSingleton<IValidateOptions<AgentsFileOptions>, AgentsFileOptionsValidator>();
        builder.Services.AddSingleton(services =>
            AgentsFileLoader.Load(services.GetRequiredService<IOptions<AgentsFileOptions>>().Value.Path!));
        builder.Services.AddSingleton<IAgentCredentials, AgentCredentials>();
        builder.Services.AddSingleton<IAgentRouter, AgentRouter>();
        return builder;
    }
}
