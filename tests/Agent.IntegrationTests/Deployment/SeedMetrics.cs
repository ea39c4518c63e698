namespace Agent.IntegrationTests.Deployment;

/// <summary>The seed product page's eleven metric names, as PromQL selectors.</summary>
internal static class SeedMetrics
{
    public static IReadOnlyList<string> Selectors { get; } =
    [
        "collate_hybrid_agent_jobs_counter_total",
        "collate_hybrid_agent_memory_usage",
        "collate_hybrid_agent_jobs_total{status=\"succeeded\"}",
        "collate_hybrid_agent_server_response_time_seconds_max",
        "collate_hybrid_agent_server_response_time_seconds_count",
        "collate_hybrid_agent_server_response_time_seconds_sum",
        "collate_hybrid_agent_argo_response_time_seconds_max",
        "collate_hybrid_agent_argo_response_time_seconds_count",
        "collate_hybrid_agent_argo_response_time_seconds_sum",
        "collate_hybrid_agent_cpu_usage",
        "collate_hybrid_agent_connected",
    ];

    public static IEnumerable<string> Names => Selectors.Select(selector => selector.Split('{')[0]);
}
