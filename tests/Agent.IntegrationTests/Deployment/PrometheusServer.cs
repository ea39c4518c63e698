using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Agent.IntegrationTests.Deployment;

/// <summary>A real Prometheus on a free loopback port that scrapes one target every second; killed on dispose.</summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static PrometheusServer Start(Uri target, string metricsPath)
    {
        var binary = ExternalTool.Require("prometheus", "prometheus");
        var directory = Directory.CreateTempSubdirectory("hybrid-agent-prometheus-").FullName;
        var configuration = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(configuration, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: hybrid-ingestion-agent
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ["{target.Host}:{target.Port}"]
            """);
        var port = FreePort.Next();
        var process = ExternalTool.Start(binary,
        [
            $"--config.file={configuration}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ], null);
        return new PrometheusServer(process, directory, port);
    }

    /// <summary>Runs <paramref name="query"/> until it returns a sample; the sample's value, or null at the deadline.</summary>
    public async Task<double?> WaitForSampleAsync(string query, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"prometheus exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync(CancellationToken.None)}");
                }

                var value = await QueryAsync(query, cancellationToken);
                if (value is not null)
                {
                    return value;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline passed without a sample.
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<double?> QueryAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
            var results = body!.RootElement.GetProperty("data").GetProperty("result");
            return results.GetArrayLength() == 0
                ? null
                : double.Parse(results[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            // Prometheus is still starting.
            return null;
        }
    }
}
