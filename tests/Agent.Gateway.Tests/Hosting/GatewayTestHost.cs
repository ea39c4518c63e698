using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Agent.Core.Protocol;
using Agent.Gateway.Agents;
using Agent.Gateway.Hosting;
using Agent.Gateway.Store;
using Agent.Gateway.Tests.Agents;
using Agent.Gateway.Tests.Agents.Doubles;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>
/// The gateway's hosting and agent hub on free loopback ports, with the other slices' seams replaced by
/// <see cref="GatewayDoubles"/>. Each host has its own metrics registry.
/// </summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    private GatewayTestHost(WebApplication app, GatewayDoubles doubles)
    {
        App = app;
        Doubles = doubles;
        var listeners = app.Services.GetRequiredService<GatewayListeners>();
        PublicUri = Loopback("http", listeners.Port(ListenerKind.Public));
        MetricsUri = Loopback("http", listeners.Port(ListenerKind.Metrics));
        AdminUri = Loopback("http", listeners.Port(ListenerKind.Admin));
        ConnectUri = new Uri(Loopback("ws", listeners.Port(ListenerKind.Public)), ProtocolVersion.ConnectPath);
    }

    public WebApplication App { get; }

    public GatewayDoubles Doubles { get; }

    public Uri PublicUri { get; }

    public Uri MetricsUri { get; }

    public Uri AdminUri { get; }

    public Uri ConnectUri { get; }

    public IAgentLink Link => App.Services.GetRequiredService<IAgentLink>();

    public IConnectedAgents Connected => App.Services.GetRequiredService<IConnectedAgents>();

    /// <summary>The settings every test host starts with; a test overrides or removes (null) what it checks.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["GATEWAY_HOST"] = "127.0.0.1",
        ["GATEWAY_PORT"] = "0",
        ["GATEWAY_METRICS_PORT"] = "0",
        ["GATEWAY_ADMIN_PORT"] = "0",
        ["AIRFLOW_USERNAME"] = "admin",
        ["AIRFLOW_PASSWORD"] = "admin-password",
        ["GATEWAY_AGENTS_FILE"] = "/etc/agent-gateway/agents.yaml",
        ["LOG_LEVEL"] = "Warning",
    };

    public static async Task<GatewayTestHost> StartAsync(
        GatewayDoubles? doubles = null, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        doubles ??= new GatewayDoubles();
        var app = Build(doubles, settings, time);
        app.UseGatewayHosting();
        app.MapAgentHub();
        app.MapGatewayHosting();
        await app.StartAsync(TestTimeouts.Token());
        return new GatewayTestHost(app, doubles);
    }

    /// <summary>The application as Program.cs builds it, before the middleware: for tests of start-up failures.</summary>
    public static WebApplication Build(GatewayDoubles doubles, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder();
        var effective = DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(effective.Where(pair => pair.Value is not null));
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<IAgentCredentials>(doubles.Credentials);
        builder.Services.AddSingleton<IRunBook>(doubles.Runs);
        builder.Services.AddSingleton<ISeqLedger>(doubles.Ledger);
        builder.Services.AddSingleton<IAgentPresence>(doubles.Presence);
        builder.Services.AddSingleton<IReplicaBus>(doubles.Bus);
        builder.Services.AddSingleton<IPipelineBook>(doubles.Pipelines);
        builder.AddGatewayHosting();
        builder.AddAgentHub();
        return builder.Build();
    }

    public Task<TestAgentClient> ConnectAsync(string agentId = GatewayDoubles.AgentId, string token = GatewayDoubles.Token) =>
        TestAgentClient.ConnectAsync(ConnectUri, agentId, token);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(TestTimeouts.Token());
        await App.DisposeAsync();
    }

    private static Uri Loopback(string scheme, int port) => new($"{scheme}://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
}
