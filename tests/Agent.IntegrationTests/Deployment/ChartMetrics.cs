namespace Agent.IntegrationTests.Deployment;

/// <summary>Metric names the public runner chart's dashboard reads beyond the seed's eleven (collate-runner-chart.md).</summary>
internal static class ChartMetrics
{
    public static IReadOnlyList<string> Selectors { get; } =
    [
        "collate_hybrid_agent_executor_response_time_seconds_max",
        "collate_hybrid_agent_executor_response_time_seconds_count",
        "collate_hybrid_agent_executor_response_time_seconds_sum",
    ];
}
