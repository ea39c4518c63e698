using System.Net.WebSockets;
using Agent.Sandbox;
using Agent.Sandbox.Argo;
using Agent.Sandbox.Argo.Faults;
using Agent.Sandbox.ControlPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// The sandbox (control plane + Argo Server emulator) in this process on a free loopback port, plus one extra route
/// for the baseline: <c>/bench/echo</c>, a bare WebSocket that sends every frame straight back.
/// </summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    public const string ControlPlaneToken = "sandbox-token";
    public const string Namespace = "ingestion";
    public const string EchoPath = "/bench/echo";

    private readonly WebApplication _app;

    private BenchSandbox(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ControlPlaneServer ControlPlane => _app.Services.GetRequiredService<ControlPlaneServer>();

    public ArgoEmulator Argo => _app.Services.GetRequiredService<ArgoEmulator>();

    public ArgoFaults Faults => _app.Services.GetRequiredService<ArgoFaults>();

    public static async Task<BenchSandbox> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = SandboxApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:ControlPlane:Token"] = ControlPlaneToken,
                ["Sandbox:ControlPlane:RecordedFramesPerAgent"] = "100",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
        });
        app.Map(EchoPath, EchoAsync);
        await app.StartAsync();
        return new BenchSandbox(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
    }
}
