using System.Globalization;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// <c>promtool check metrics</c> on what the built agent serves as its own process. Only that process uses
/// prometheus-net's default registry, the one that collects runtime metrics; the test hosts use a registry of their
/// own, so a lint of theirs would miss every runtime metric (issue 12, finding 13).
/// </summary>
public sealed class PromtoolMetricsTests
{
    /// <summary>
    /// The one lint the seed contract forces on us: the seed's dashboards and alerts read this exact name, so renaming it
    /// (the lint's advice) would break every existing deployment. The counter itself follows the _total rule.
    /// </summary>
    private const string SeedContractLint = "collate_hybrid_agent_jobs_counter_total metric name should not include type 'counter'";

    /// <summary>Runtime metrics operators read (CPU, memory, GC, threads, thread pool), under names promtool accepts.</summary>
    private static readonly string[] RuntimeMetrics =
    [
        "process_cpu_seconds_total",
        "process_working_set_bytes",
        "process_num_threads",
        "process_open_handles",
        "process_start_time_seconds",
        "dotnet_total_memory_bytes",
        "dotnet_collection_count_total",
        "dotnet_gc_pause_seconds_total",
        "dotnet_gc_heap_size_bytes",
        "dotnet_threadpool_threads",
        "dotnet_threadpool_queue_length",
        "dotnet_threadpool_completed_items_total",
        "dotnet_lock_contentions_total",
    ];

    [Fact]
    public async Task CheckMetrics_AgentProcess_OnlyTheSeedContractLintRemains()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var exposition = await ScrapeAgentProcessAsync();

        var result = await ExternalTool.RunAsync(promtool, ["check", "metrics"], exposition, null, TestTimeouts.Token());

        var findings = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(findings is [SeedContractLint], $"promtool check metrics (exit {result.ExitCode}):\n{string.Join('\n', findings)}");
        var names = MetricsExposition.Names(exposition);
        var missing = RuntimeMetrics.Where(name => !names.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"runtime metrics missing from the exposition: {string.Join(", ", missing)}");
        Assert.Contains("collate_hybrid_agent_connected", names);
    }

    /// <summary>
    /// Starts the built agent, lets it connect and answer one request (so meters that appear on first use would be
    /// there), and returns its /metrics page.
    /// </summary>
    private static async Task<string> ScrapeAgentProcessAsync()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        var agentId = LinkSignals.NewAgentId("promtool");
        var port = FreePort.Next();
        await using var agent = RunningAgentProcess.Start(
            sandbox, agentId, new Dictionary<string, string?> { ["METRICS_SERVER_PORT"] = port.ToString(CultureInfo.InvariantCulture) });
        await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        await sandbox.ControlPlane.SendRequestAsync(agentId, MessageTypes.ServiceStatus, BadInputLink.Empty(), cancellation);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        while (true)
        {
            try
            {
                return await client.GetStringAsync("/metrics", cancellation);
            }
            catch (HttpRequestException)
            {
                // The infra listener may start a moment after the control-plane link is up.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation);
            }
        }
    }
}
