using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Agent.TestKit.Sandbox;
using Agent.Web.Configuration;

namespace Agent.TestKit.Processes;

/// <summary>
/// The built agent (<c>dotnet Agent.Web.dll</c>) as its own process, as an operator runs it: configured by exactly the
/// given environment variables (any agent variable this process inherited is removed), its console lines kept, and
/// killed on dispose if it still runs. Tests start the copy next to them; the benchmarks start the Release build.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private AgentProcess(Process process, IReadOnlyDictionary<string, string?> environment, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
        AgentId = environment.GetValueOrDefault("AGENT_ID");
        MetricsPort = int.TryParse(environment.GetValueOrDefault("METRICS_SERVER_PORT"), CultureInfo.InvariantCulture, out var port) ? port : 0;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The agent next to the running tests (their output folder holds Agent.Web.dll).</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, "Agent.Web.dll");

    public string? AgentId { get; }

    /// <summary>The metrics port given in <c>METRICS_SERVER_PORT</c>; 0 when the agent picked its own.</summary>
    public int MetricsPort { get; }

    public int Id => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before <see cref="Process.Start()"/>.</summary>
    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the agent wrote to stdout or stderr so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The variables that point an agent at <paramref name="sandbox"/>, with its listeners on free loopback ports.</summary>
    public static Dictionary<string, string?> SandboxEnvironment(SandboxServer sandbox, string agentId) => new()
    {
        ["AGENT_ID"] = agentId,
        ["SERVER_URL"] = $"ws://127.0.0.1:{sandbox.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}",
        ["AUTH_TOKEN"] = SandboxServer.ControlPlaneToken,
        ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = sandbox.BaseUrl.ToString(),
        ["ARGO_TOKEN"] = SandboxServer.ArgoToken,
        ["INGESTION_NAMESPACE"] = "ingestion",
        ["ARGO_INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["METRICS_SERVER_PORT"] = "0",
        ["ADMIN_SERVER_PORT"] = "0",
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
    };

    /// <summary>
    /// The variables that point an agent on the Kubernetes executor (<c>EXECUTOR_TYPE=simpleK8s</c>) at the sandbox's
    /// Kubernetes API emulator, with no Argo variable: in a pod the API server and its token come from the service
    /// account; here <c>KUBERNETES_API_URL</c> names the emulator, which accepts any token unless told otherwise.
    /// </summary>
    public static Dictionary<string, string?> KubernetesEnvironment(SandboxServer sandbox, string agentId) => new()
    {
        ["AGENT_ID"] = agentId,
        ["SERVER_URL"] = $"ws://127.0.0.1:{sandbox.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}",
        ["AUTH_TOKEN"] = SandboxServer.ControlPlaneToken,
        ["EXECUTOR_TYPE"] = "simpleK8s",
        ["KUBERNETES_API_URL"] = sandbox.BaseUrl.GetLeftPart(UriPartial.Authority),
        ["INGESTION_NAMESPACE"] = "ingestion",
        ["INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["METRICS_SERVER_PORT"] = "0",
        ["ADMIN_SERVER_PORT"] = "0",
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
    };

    /// <summary>Starts the agent against <paramref name="sandbox"/>: <see cref="SandboxEnvironment"/> with <paramref name="extra"/> over it.</summary>
    public static AgentProcess Start(SandboxServer sandbox, string agentId, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = SandboxEnvironment(sandbox, agentId);
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return Start(environment);
    }

    public static AgentProcess Start(IReadOnlyDictionary<string, string?> environment, string? dll = null)
    {
        dll ??= DefaultDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the agent is not built: {dll}");
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in EnvironmentVariableMap.All.SelectMany(variable => variable.Names))
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the agent");
        return new AgentProcess(process, environment, startedAt);
    }

    /// <summary>Runs the agent until it exits by itself (a configuration error, say); killed if the token fires first.</summary>
    public static async Task<AgentProcessOutcome> RunToExitAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        await using var agent = Start(environment);
        var exitCode = await agent.WaitForExitAsync(cancellationToken);
        var lines = agent.Lines.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        return new AgentProcessOutcome(exitCode, lines);
    }

    /// <summary>Sends SIGTERM, as the kubelet does when a pod is deleted.</summary>
    public Task TerminateAsync(CancellationToken cancellationToken) => Signals.TerminateAsync(_process.Id, cancellationToken);

    /// <summary>Waits for the exit and for the last console line (redirected output is read to its end first).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="count"/> console lines, for a failure message.</summary>
    public string Tail(int count = 40) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    /// <summary>One unlabelled sample of the agent's /metrics (needs <see cref="MetricsPort"/>); NaN when it is not there.</summary>
    public async Task<double> ReadMetricAsync(string name, CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{MetricsPort.ToString(CultureInfo.InvariantCulture)}/metrics"), cancellationToken);
        var sample = text.Split('\n').FirstOrDefault(line => line.StartsWith(name + " ", StringComparison.Ordinal));
        return sample is null ? double.NaN : double.Parse(sample.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The agent's own managed-heap gauge, <c>collate_hybrid_agent_memory_usage</c> (MB).</summary>
    public Task<double> ReadManagedHeapMbAsync(CancellationToken cancellationToken) =>
        ReadMetricAsync("collate_hybrid_agent_memory_usage", cancellationToken);

    /// <summary>Resident set size (VmRSS), in MB.</summary>
    public double ReadRssMb() => ProcStatus.ReadMb(Id, "VmRSS:");

    /// <summary>The anonymous part of VmRSS (heaps, JIT code, stacks), in MB; the rest is mapped files such as assemblies.</summary>
    public double ReadRssAnonMb() => ProcStatus.ReadMb(Id, "RssAnon:");

    public double ReadRssFileMb() => ProcStatus.ReadMb(Id, "RssFile:");

    /// <summary>Peak resident set size since the process started (VmHWM), in MB.</summary>
    public double ReadPeakRssMb() => ProcStatus.ReadMb(Id, "VmHWM:");

    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAndDisposeAsync(_process);
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
