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
        var exposition = await AgentProcessMetrics.ScrapeAsync();

        var result = await ExternalTool.RunAsync(promtool, ["check", "metrics"], exposition, null, TestTimeouts.Token());

        var findings = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(findings is [SeedContractLint], $"promtool check metrics (exit {result.ExitCode}):\n{string.Join('\n', findings)}");
        var names = MetricsExposition.Names(exposition);
        var missing = RuntimeMetrics.Where(name => !names.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"runtime metrics missing from the exposition: {string.Join(", ", missing)}");
        Assert.Contains("collate_hybrid_agent_connected", names);
    }
}
