using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Agent.Sandbox;
using Agent.Sandbox.ControlPlane;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>A started sandbox on a loopback port, with the control plane's in-process handle and an HTTP client.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string Token = "test-token";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app)
    {
        _app = app;
        var address = new Uri(app.Urls.First());
        HttpUri = address;
        WebSocketUri = new UriBuilder(address) { Scheme = "ws", Path = "/api/v1/agents/connect" }.Uri;
        Http = new HttpClient { BaseAddress = address, Timeout = TestTimeouts.Signal };
        Server = app.Services.GetRequiredService<ControlPlaneServer>();
    }

    public Uri HttpUri { get; }

    public Uri WebSocketUri { get; }

    public HttpClient Http { get; }

    public ControlPlaneServer Server { get; }

    public static Task<SandboxHost> StartAsync(params (string Key, string Value)[] settings) => StartWithArgumentsAsync([], settings);

    /// <summary>Starts the sandbox with command-line <paramref name="args"/>, as <c>dotnet Agent.Sandbox.dll</c> gets them.</summary>
    public static async Task<SandboxHost> StartWithArgumentsAsync(string[] args, params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?> { ["Sandbox:ControlPlane:Token"] = Token };
        foreach (var (key, value) in settings)
        {
            config[$"Sandbox:ControlPlane:{key}"] = value;
        }

        var app = SandboxApp.Build(args, builder => builder.Configuration.AddInMemoryCollection(config));
        await app.StartAsync();
        return new SandboxHost(app);
    }

    /// <summary>Connects a raw agent socket (no hello sent yet).</summary>
    public Task<TestAgentSocket> ConnectAsync(string agentId, string token = Token, string? instanceId = null) =>
        TestAgentSocket.ConnectAsync(WebSocketUri, agentId, token, instanceId);

    /// <summary>Connects and completes the handshake, returning once the server has welcomed the agent.</summary>
    public async Task<TestAgentSocket> ConnectWelcomedAsync(string agentId, string? instanceId = null)
    {
        var agent = await ConnectAsync(agentId, instanceId: instanceId);
        await agent.HelloAsync();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
