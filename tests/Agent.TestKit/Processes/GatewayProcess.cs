using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Agent.TestKit.Network;

namespace Agent.TestKit.Processes;

/// <summary>
/// The built gateway (<c>dotnet Agent.Gateway.dll</c>) as its own process, as an operator runs it: SQLite in a temp
/// folder, an agents file admitting one agent by the sha256 of its token (and routing every service to it), its three
/// listeners on free loopback ports, and no inherited <c>GATEWAY_*</c> or <c>AIRFLOW_*</c> variable. Started when
/// <c>/ready</c> answers 200; killed and its folder removed on dispose.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    public const string Username = "openmetadata";
    public const string Password = "gateway-test-password";

    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _lines = new();

    private GatewayProcess(Process process, string folder, int publicPort, int metricsPort, int adminPort)
    {
        _process = process;
        _folder = folder;
        PublicUrl = Loopback("http", publicPort);
        AgentServerUrl = Loopback("ws", publicPort);
        MetricsUrl = Loopback("http", metricsPort);
        AdminUrl = Loopback("http", adminPort);
        Http = new HttpClient { BaseAddress = PublicUrl, Timeout = TestTimeouts.Default };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The gateway next to the running tests (their output folder holds Agent.Gateway.dll).</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, "Agent.Gateway.dll");

    /// <summary>The public listener: the Airflow routes OpenMetadata calls.</summary>
    public Uri PublicUrl { get; }

    /// <summary>What an agent's <c>SERVER_URL</c> names to dial this gateway.</summary>
    public Uri AgentServerUrl { get; }

    /// <summary><c>/metrics</c>, <c>/health</c>, <c>/ready</c>.</summary>
    public Uri MetricsUrl { get; }

    /// <summary><c>/admin/agents</c>, <c>/admin/pipelines</c> (loopback, no key).</summary>
    public Uri AdminUrl { get; }

    /// <summary>A client on <see cref="PublicUrl"/>, disposed with the process.</summary>
    public HttpClient Http { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The lines of the agents file: <paramref name="agentId"/> admitted by <paramref name="token"/>, and every service routed to it.</summary>
    public static string AgentsFile(string agentId, string token) =>
        $"""
        agents:
          - id: {agentId}
            tokenSha256: {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))}
        defaultAgent: {agentId}

        """;

    /// <summary>Starts a gateway admitting <paramref name="agentId"/> with <paramref name="token"/>; <paramref name="extra"/> overrides any variable.</summary>
    public static async Task<GatewayProcess> StartAsync(
        string agentId, string token, IReadOnlyDictionary<string, string?>? extra = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(DefaultDll))
        {
            throw new FileNotFoundException($"the gateway is not built: {DefaultDll}");
        }

        var folder = Directory.CreateTempSubdirectory("gateway-").FullName;
        var agentsFile = Path.Combine(folder, "agents.yaml");
        await File.WriteAllTextAsync(agentsFile, AgentsFile(agentId, token), cancellationToken);
        var (publicPort, metricsPort, adminPort) = (LoopbackServer.ClosedPort(), LoopbackServer.ClosedPort(), LoopbackServer.ClosedPort());
        var environment = new Dictionary<string, string?>
        {
            ["GATEWAY_HOST"] = "127.0.0.1",
            ["GATEWAY_PORT"] = Port(publicPort),
            ["GATEWAY_METRICS_PORT"] = Port(metricsPort),
            ["GATEWAY_ADMIN_PORT"] = Port(adminPort),
            ["AIRFLOW_USERNAME"] = Username,
            ["AIRFLOW_PASSWORD"] = Password,
            ["GATEWAY_AGENTS_FILE"] = agentsFile,
            ["GATEWAY_STORE"] = "sqlite",
            ["GATEWAY_SQLITE_PATH"] = Path.Combine(folder, "gateway.db"),
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var gateway = new GatewayProcess(Process.Start(GatewayStartInfo.For(DefaultDll, environment)) ?? throw new InvalidOperationException("could not start the gateway"),
            folder, publicPort, metricsPort, adminPort);
        try
        {
            await gateway.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>Sends SIGTERM, as the kubelet does when a pod is deleted.</summary>
    public Task TerminateAsync(CancellationToken cancellationToken) => Signals.TerminateAsync(_process.Id, cancellationToken);

    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="count"/> console lines, for a failure message.</summary>
    public string Tail(int count = 40) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    /// <summary>One sample of the gateway's /metrics whose line starts with <paramref name="series"/> (name and labels); NaN when absent.</summary>
    public async Task<double> ReadMetricAsync(string series, CancellationToken cancellationToken)
    {
        var text = await Http.GetStringAsync(new Uri(MetricsUrl, "/metrics"), cancellationToken);
        var sample = text.Split('\n').FirstOrDefault(line => line.StartsWith(series + " ", StringComparison.Ordinal));
        return sample is null ? double.NaN : double.Parse(sample[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>GET on the admin listener, e.g. <c>/admin/pipelines</c>.</summary>
    public Task<string> ReadAdminAsync(string path, CancellationToken cancellationToken) =>
        Http.GetStringAsync(new Uri(AdminUrl, path), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAndDisposeAsync(_process);
        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Polls <c>/ready</c> until 200; a gateway that exits first fails with its last lines.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TestTimeouts.Default);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with {_process.ExitCode} before it was ready:\n{Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(MetricsUrl, "/ready"), bound.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        while (await ticks.WaitForNextTickAsync(bound.Token));
    }

    private static Uri Loopback(string scheme, int port) => new($"{scheme}://127.0.0.1:{Port(port)}");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
