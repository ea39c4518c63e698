using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Agent.Sandbox.ControlPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// The kit's sandbox and agent process as the benchmarks run them: the sandbox keeps fewer frames, beats at its own
/// default, wants no Argo token and serves one extra route for the baseline, <c>/bench/echo</c> (a bare WebSocket that
/// sends every frame straight back); the agent is the Release build, configured the way <c>scripts/demo.sh</c> does.
/// </summary>
internal static class BenchHost
{
    public const string Namespace = "ingestion";
    public const string EchoPath = "/bench/echo";

    public static string AgentDll { get; set; } = DefaultAgentDll();

    /// <summary>Variables added to every agent start (<c>--agent-env NAME=value</c>), e.g. to try a GC setting.</summary>
    public static Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    public static Task<SandboxServer> StartSandboxAsync(IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Sandbox:ControlPlane:RecordedFramesPerAgent"] = "100",
            ["Sandbox:ControlPlane:HeartbeatSeconds"] = new ControlPlaneOptions().HeartbeatSeconds.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:Argo:Token"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return SandboxServer.StartAsync(merged, map: app => app.Map(EchoPath, EchoAsync));
    }

    /// <summary>The agent on the Argo executor against <paramref name="sandbox"/>, which wants no Argo token.</summary>
    public static Dictionary<string, string?> ArgoEnvironment(SandboxServer sandbox, string agentId)
    {
        var environment = AgentProcess.SandboxEnvironment(sandbox, agentId);
        environment.Remove("ARGO_TOKEN");
        environment["ARGO_EXTRA_ENVS_NOOP"] = "[AWS_DEFAULT_REGION:eu-west-1]";
        return environment;
    }

    /// <summary>
    /// Starts the agent process on <paramref name="environment"/> (default: <see cref="ArgoEnvironment"/>), with the
    /// benchmark's listeners, log level and <paramref name="extra"/> over it.
    /// </summary>
    public static AgentProcess StartAgent(
        SandboxServer sandbox, string agentId, IDictionary<string, string>? extra = null, Dictionary<string, string?>? environment = null)
    {
        environment ??= ArgoEnvironment(sandbox, agentId);
        environment["INGESTION_NAMESPACE"] = Namespace;
        environment["METRICS_SERVER_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        environment["ADMIN_SERVER_HOST"] = "127.0.0.1";
        environment["ADMIN_SERVER_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        // Information logs one line per run and state change; at benchmark rates that is console I/O, not the agent.
        environment["Serilog__MinimumLevel__Default"] = "Warning";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in ExtraEnvironment.Concat(extra ?? new Dictionary<string, string>()))
        {
            environment[name] = value;
        }

        if (!File.Exists(AgentDll))
        {
            throw new FileNotFoundException($"the agent is not built: {AgentDll} (run `dotnet build -c Release` first)");
        }

        return AgentProcess.Start(environment, AgentDll);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A path under the repository root (found from this build's output directory), e.g. a Release build of a deployable.</summary>
    public static string RepositoryPath(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HybridAgent.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        return Path.GetFullPath(relative);
    }

    private static string DefaultAgentDll() => RepositoryPath("src/Agent.Web/bin/Release/net10.0/Agent.Web.dll");

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
