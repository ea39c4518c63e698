using Agent.Sandbox;
using Agent.Sandbox.ControlPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>The sandbox (control plane + Argo emulator) on a free loopback port, one per test.</summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    public const string ControlPlaneToken = "sandbox-token";
    public const string ArgoToken = "argo-sandbox-token";

    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ControlPlaneServer ControlPlane => _app.Services.GetRequiredService<ControlPlaneServer>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a sandbox; <paramref name="port"/> 0 picks a free port, another value restarts one on a port an agent already dials.</summary>
    public static async Task<SandboxServer> StartAsync(IDictionary<string, string?>? settings = null, int port = 0)
    {
        string[] args = port == 0 ? [] : ["--urls", $"http://127.0.0.1:{port}"];
        var app = SandboxApp.Build(args, builder =>
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
        });
        await app.StartAsync();
        return new SandboxServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
