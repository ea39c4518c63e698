using Agent.Sandbox;
using Agent.Sandbox.Argo;
using Agent.Sandbox.Argo.Faults;
using Agent.Sandbox.ControlPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agent.TestKit.Sandbox;

/// <summary>
/// The sandbox (control plane + Argo Server emulator) in this process on a free loopback port, for unit tests of the
/// emulators, integration tests of the agent and the benchmarks alike. By default both emulators want a token and the
/// control plane beats every 5 s, as the agent tests need; pass settings to change either.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    public const string ControlPlaneToken = "sandbox-token";
    public const string ArgoToken = "argo-sandbox-token";

    /// <summary>The ingestion bot's token the OpenMetadata emulator accepts (its default).</summary>
    public const string OpenMetadataBotToken = "sandbox-bot-token";

    /// <summary>The agent endpoint of the control plane (Collate's <c>/api/v1/agents/connect</c>).</summary>
    public const string ConnectPath = "/api/v1/agents/connect";

    private readonly WebApplication _app;
    private readonly FakeTimeProvider? _time;

    private SandboxServer(WebApplication app, FakeTimeProvider? time)
    {
        _app = app;
        _time = time;
        BaseUrl = new Uri(app.Urls.First());
        WebSocketUri = new UriBuilder(BaseUrl) { Scheme = "ws", Path = ConnectPath }.Uri;
        Client = new HttpClient { BaseAddress = BaseUrl, Timeout = TestTimeouts.Default };
    }

    public Uri BaseUrl { get; }

    public Uri WebSocketUri { get; }

    /// <summary>The OpenMetadata emulator as an ingestion's <c>openMetadataServerConnection.hostPort</c> names it (ends in <c>/api</c>).</summary>
    public string OpenMetadataHostPort => new Uri(BaseUrl, "/openmetadata/api").ToString();

    /// <summary>An HTTP client on <see cref="BaseUrl"/>, disposed with the sandbox.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ControlPlaneServer ControlPlane => _app.Services.GetRequiredService<ControlPlaneServer>();

    public ArgoEmulator Emulator => _app.Services.GetRequiredService<ArgoEmulator>();

    public ArgoFaults Faults => _app.Services.GetRequiredService<ArgoFaults>();

    public ArgoRequestRecorder Recorder => _app.Services.GetRequiredService<ArgoRequestRecorder>();

    /// <summary>The clock given to <see cref="StartAsync"/>; only for sandboxes started with one.</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("this sandbox runs on the system clock");

    /// <summary>
    /// Starts a sandbox. <paramref name="port"/> 0 picks a free port; another value restarts one on a port an agent
    /// already dials. <paramref name="args"/> are command-line arguments as <c>dotnet Agent.Sandbox.dll</c> gets them,
    /// <paramref name="time"/> replaces the clock with a fake one, and <paramref name="map"/> adds routes before the app starts.
    /// </summary>
    public static async Task<SandboxServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        int port = 0,
        FakeTimeProvider? time = null,
        string[]? args = null,
        Action<WebApplication>? map = null)
    {
        string[] arguments = [.. args ?? [], .. port == 0 ? Array.Empty<string>() : ["--urls", $"http://127.0.0.1:{port}"]];
        var app = SandboxApp.Build(arguments, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:ControlPlane:Token"] = ControlPlaneToken,
                ["Sandbox:ControlPlane:HeartbeatSeconds"] = "5",
                ["Sandbox:Argo:Token"] = ArgoToken,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            if (time is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(time);
            }
        });
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SandboxServer(app, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stopping = new CancellationTokenSource(TestTimeouts.Default);
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
