using Microsoft.Extensions.DependencyInjection;
using Agent.Gateway.Agents;
using Agent.Gateway.Configs;
using Agent.Gateway.Routing;
using Agent.Gateway.Store;
using Agent.Gateway.Tests.Contract.Host;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>
/// The in-memory backend: two agents (agent-eu for mysql_prod and the default, agent-us for snowflake_prod), a store
/// with the store's rules, and scripted agents that keep what was deployed to them.
/// </summary>
internal sealed class ScriptedBackend : IGatewayBackend
{
    public const string DefaultAgent = "agent-eu";
    public const string OtherAgent = "agent-us";

    public ScriptedBackend()
    {
        Link = new ScriptedAgentLink(Runs, TimeProvider.System);
        Router.KnownAgents.UnionWith([DefaultAgent, OtherAgent]);
        Router.Routes["mysql_prod"] = DefaultAgent;
        Router.Routes["snowflake_prod"] = OtherAgent;
        Router.DefaultAgent = DefaultAgent;
    }

    public InMemoryPipelineBook Pipelines { get; } = new();

    public InMemoryRunBook Runs { get; } = new();

    public MarkingProtector Protector { get; } = new();

    public TableRouter Router { get; } = new();

    public ScriptedConfigBuilder Configs { get; } = new();

    public FakeConnectedAgents Connected { get; } = new();

    public ScriptedAgentLink Link { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPipelineBook>(Pipelines);
        services.AddSingleton<IRunBook>(Runs);
        services.AddSingleton<IPayloadProtector>(Protector);
        services.AddSingleton<IAgentRouter>(Router);
        services.AddSingleton<IRunConfigBuilder>(Configs);
        services.AddSingleton<IConnectedAgents>(Connected);
        services.AddSingleton<IAgentLink>(Link);
    }
}
