using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// The built agent (<c>src/Agent.Web/bin/Release/net10.0/Agent.Web.dll</c>) as its own process, configured with
/// environment variables the way <c>scripts/demo.sh</c> does, on loopback only. Killed on dispose.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private AgentProcess(Process process, string agentId, int metricsPort, long startedAt)
    {
        _process = process;
        AgentId = agentId;
        MetricsPort = metricsPort;
        StartedAt = startedAt;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string AgentId { get; }

    public int MetricsPort { get; }

    public int Pid => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before <see cref="Process.Start()"/>.</summary>
    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    public static string AgentDll { get; set; } = DefaultAgentDll();

    /// <summary>Variables added to every agent start (<c>--agent-env NAME=value</c>), e.g. to try a GC setting.</summary>
    public static Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    public static AgentProcess Start(BenchSandbox sandbox, string agentId, IDictionary<string, string>? extra = null)
    {
        if (!File.Exists(AgentDll))
        {
            throw new FileNotFoundException($"the agent is not built: {AgentDll} (run `dotnet build -c Release` first)");
        }

        var metricsPort = FreePort();
        var start = new ProcessStartInfo("dotnet", [AgentDll])
        {
            WorkingDirectory = Path.GetDirectoryName(AgentDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var port = sandbox.BaseUrl.Port.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["AGENT_ID"] = agentId,
            ["SERVER_URL"] = $"ws://127.0.0.1:{port}",
            ["AUTH_TOKEN"] = BenchSandbox.ControlPlaneToken,
            ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["INGESTION_NAMESPACE"] = BenchSandbox.Namespace,
            ["ARGO_INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
            ["ARGO_EXTRA_ENVS_NOOP"] = "[AWS_DEFAULT_REGION:eu-west-1]",
            ["METRICS_SERVER_HOST"] = "127.0.0.1",
            ["METRICS_SERVER_PORT"] = metricsPort.ToString(CultureInfo.InvariantCulture),
            ["ADMIN_SERVER_HOST"] = "127.0.0.1",
            ["ADMIN_SERVER_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
            // Information logs one line per run and state change; at benchmark rates that is console I/O, not the agent.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in ExtraEnvironment.Concat(extra ?? new Dictionary<string, string>()))
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the agent");
        return new AgentProcess(process, agentId, metricsPort, startedAt);
    }

    /// <summary>Resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS), in MB.</summary>
    public double ReadRssMb() => ReadStatusMb("VmRSS:");

    /// <summary>The anonymous part of VmRSS (heaps, JIT code, stacks), in MB; the rest is mapped files such as assemblies.</summary>
    public double ReadRssAnonMb() => ReadStatusMb("RssAnon:");

    public double ReadRssFileMb() => ReadStatusMb("RssFile:");

    /// <summary>Peak resident set size since the process started (VmHWM), in MB.</summary>
    public double ReadPeakRssMb() => ReadStatusMb("VmHWM:");

    private double ReadStatusMb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>The agent's own managed-heap gauge, <c>collate_hybrid_agent_memory_usage</c> (MB), scraped from /metrics.</summary>
    public Task<double> ReadManagedHeapMbAsync(CancellationToken cancellationToken) =>
        ReadMetricAsync("collate_hybrid_agent_memory_usage", cancellationToken);

    /// <summary>One unlabelled sample of the agent's /metrics; NaN when it is not there.</summary>
    public async Task<double> ReadMetricAsync(string name, CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{MetricsPort}/metrics"), cancellationToken);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }

    public string Tail() => string.Join(Environment.NewLine, Snapshot());

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed; the kernel reaps it.
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DefaultAgentDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HybridAgent.sln")))
            {
                return Path.Combine(directory.FullName, "src", "Agent.Web", "bin", "Release", "net10.0", "Agent.Web.dll");
            }
        }

        return Path.GetFullPath("src/Agent.Web/bin/Release/net10.0/Agent.Web.dll");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private List<string> Snapshot()
    {
        lock (_lastLines)
        {
            return [.. _lastLines];
        }
    }
}
