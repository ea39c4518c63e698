using System.Diagnostics;
using System.Globalization;
using System.Net;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Gateway;

/// <summary>
/// The gateway as an operator runs it: <c>dotnet Agent.Gateway.dll</c> (the Release build), configured by environment
/// variables, listening on free loopback ports, with a SQLite store in its own temporary directory. Its log level is
/// Warning so the console does not become the benchmark. Killed, and its directory removed, on dispose.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    public const string Username = "admin";
    public const string Password = "bench-airflow-password";

    private readonly Process _process;
    private readonly string _directory;
    private readonly List<string> _lines = [];

    private GatewayProcess(Process process, string directory, int port, int metricsPort)
    {
        _process = process;
        _directory = directory;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}/");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll { get; set; } = BenchHost.RepositoryPath("src/Agent.Gateway/bin/Release/net10.0/Agent.Gateway.dll");

    public Uri BaseUrl { get; }

    public Uri MetricsUrl { get; }

    public Uri ConnectUri => new($"ws://{BaseUrl.Authority}/api/v1/agents/connect");

    public int Id => _process.Id;

    /// <summary>Starts the gateway with <paramref name="agentsFileText"/> as its agents file and waits for <c>/ready</c>.</summary>
    public static async Task<GatewayProcess> StartAsync(string agentsFileText, TimeSpan timeout)
    {
        if (!File.Exists(Dll))
        {
            throw new FileNotFoundException($"the gateway is not built: {Dll} (run `dotnet build -c Release` first)");
        }

        var directory = Directory.CreateTempSubdirectory("bench-gateway-").FullName;
        var agentsFile = Path.Combine(directory, "agents.yaml");
        await File.WriteAllTextAsync(agentsFile, agentsFileText);
        var (port, metricsPort) = (BenchHost.FreePort(), BenchHost.FreePort());
        var start = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GATEWAY_", StringComparison.Ordinal) || name.StartsWith("AIRFLOW_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GATEWAY_HOST"] = "127.0.0.1";
        start.Environment["GATEWAY_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["GATEWAY_METRICS_PORT"] = metricsPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["GATEWAY_ADMIN_PORT"] = BenchHost.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["AIRFLOW_USERNAME"] = Username;
        start.Environment["AIRFLOW_PASSWORD"] = Password;
        start.Environment["GATEWAY_AGENTS_FILE"] = agentsFile;
        start.Environment["GATEWAY_STORE"] = "sqlite";
        start.Environment["GATEWAY_SQLITE_PATH"] = Path.Combine(directory, "gateway.db");
        start.Environment["LOG_LEVEL"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var gateway = new GatewayProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway"), directory, port, metricsPort);
        try
        {
            await gateway.WaitReadyAsync(timeout);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>Resident set size (VmRSS), in MB.</summary>
    public double ReadRssMb() => ProcStatus.ReadMb(Id, "VmRSS:");

    public double ReadRssAnonMb() => ProcStatus.ReadMb(Id, "RssAnon:");

    /// <summary>
    /// The mean and count of the gateway's own <c>collate_hybrid_gateway_agent_request_duration_seconds</c> for
    /// <paramref name="type"/> (a protocol request type): the agent round trip as the gateway times it, in ms.
    /// </summary>
    public async Task<(double SumMs, double Count)> ReadAgentRoundTripAsync(string type)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(MetricsUrl, "metrics"));
        double Sample(string suffix) => text.Split('\n')
            .Where(line => line.StartsWith($"collate_hybrid_gateway_agent_request_duration_seconds_{suffix}{{type=\"{type}\"}} ", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).First();
        return (Sample("sum") * 1000, Sample("count"));
    }

    /// <summary>The last console lines, for a failure message.</summary>
    public string Tail(int count = 30)
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines.TakeLast(count));
        }
    }

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
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with {_process.ExitCode}:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(MetricsUrl, "ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"the gateway was not ready within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            if (_lines.Count > 200)
            {
                _lines.RemoveAt(0);
            }
        }
    }
}
