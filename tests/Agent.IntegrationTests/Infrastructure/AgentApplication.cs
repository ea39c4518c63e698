using Agent.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>
/// The real agent (Program) on real Kestrel with both listeners on free loopback ports, pointed at a sandbox.
/// Each instance has its own metrics registry, so tests running side by side never share counters.
/// </summary>
internal sealed class AgentApplication : WebApplicationFactory<Program>
{
    public const string ExtraEnvSecret = "extra-env-canary-4b1d";

    private readonly Dictionary<string, string?> _settings;

    public AgentApplication(SandboxServer sandbox, string agentId, IDictionary<string, string?>? overrides = null)
    {
        AgentId = agentId;
        _settings = new Dictionary<string, string?>
        {
            ["ControlPlane:AgentId"] = agentId,
            ["ControlPlane:ServerUrl"] = $"ws://127.0.0.1:{sandbox.BaseUrl.Port}",
            ["ControlPlane:AuthToken"] = SandboxServer.ControlPlaneToken,
            ["Argo:Endpoint"] = sandbox.BaseUrl.ToString(),
            ["Argo:Token"] = SandboxServer.ArgoToken,
            ["Argo:Namespace"] = "ingestion",
            ["Ingestion:Image"] = "openmetadata/ingestion:1.9.0",
            ["Ingestion:ExtraEnvs"] = $"[AWS_DEFAULT_REGION:eu-west-1, SECRET_CANARY:{ExtraEnvSecret}]",
            ["Server:MetricsPort"] = "0",
            ["Server:AdminPort"] = "0",
            ["Server:InfraHost"] = "127.0.0.1",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel();
    }

    public string AgentId { get; }

    /// <summary>Registrations applied after the agent's own, to swap one of its services for a test.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>Every log event of this host; Serilog picks the sink up from the services.</summary>
    public CapturingSink Logs { get; } = new();

    public Uri InfraUrl => new($"http://127.0.0.1:{Services.GetRequiredService<ListenerPorts>().InfraPort}");

    public Uri AdminUrl => new($"http://127.0.0.1:{Services.GetRequiredService<ListenerPorts>().AdminPort}");

    public HttpClient CreateInfraClient() => new() { BaseAddress = InfraUrl };

    public HttpClient CreateAdminClient() => new() { BaseAddress = AdminUrl };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

        // Program picks the executor while its builder runs, before the factory's app configuration is applied; host
        // settings reach it that early.
        foreach (var (key, value) in _settings.Where(setting => setting.Key.StartsWith("Executor:", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Registry);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
        });
        if (ReplaceServices is not null)
        {
            builder.ConfigureTestServices(ReplaceServices);
        }
    }
}
