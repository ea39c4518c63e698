using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Agent.Gateway.Airflow;
using Microsoft.Extensions.Logging.Testing;
using Prometheus;

namespace Agent.Gateway.Tests.Contract.Host;

/// <summary>
/// The gateway's Airflow API on a real Kestrel listener (127.0.0.1, any port), wired to a backend. Settings are
/// environment-variable names, as in production.
/// </summary>
internal sealed class AirflowGatewayHost : IAsyncDisposable
{
    public const string Username = "om-admin";
    public const string Password = "s3cret-Pa55";
    public const int DeployTimeoutSeconds = 7;
    public const int RequestTimeoutSeconds = 3;

    private readonly WebApplication _app;

    private AirflowGatewayHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TestTimeouts.Default };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public AirflowMetrics Metrics => _app.Services.GetRequiredService<AirflowMetrics>();

    public static async Task<AirflowGatewayHost> StartAsync(IGatewayBackend backend, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AIRFLOW_USERNAME"] = Username,
            ["AIRFLOW_PASSWORD"] = Password,
            ["GATEWAY_AGENTS_FILE"] = "/etc/agent-gateway/agents.yaml",
            ["GATEWAY_DEPLOY_TIMEOUT_SECONDS"] = DeployTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GATEWAY_REQUEST_TIMEOUT_SECONDS"] = RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<IMetricFactory>(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        backend.ConfigureServices(builder.Services);
        builder.AddAirflowApi();

        var app = builder.Build();
        app.MapAirflowApi();
        await app.StartAsync(TestTimeouts.Token());
        return new AirflowGatewayHost(app, new Uri(app.Urls.First() + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(TestTimeouts.Token());
        await _app.DisposeAsync();
    }
}
