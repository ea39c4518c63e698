using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary>A real Prometheus scrapes the running agent, and every seed metric can be queried from it.</summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_ScrapesRunningAgent_EverySeedMetricIsQueryable()
    {
        await using var rig = await AgentRig.StartAsync("prometheus-agent");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        await using var prometheus = PrometheusServer.Start(agent.InfraUrl, "/metrics");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        Assert.Equal(1, await prometheus.WaitForSampleAsync("up{job=\"hybrid-ingestion-agent\"} == 1", deadline.Token));
        var missing = new List<string>();
        foreach (var selector in SeedMetrics.Selectors)
        {
            if (await prometheus.WaitForSampleAsync(selector, deadline.Token) is null)
            {
                missing.Add(selector);
            }
        }

        Assert.True(missing.Count == 0, $"not queryable in Prometheus: {string.Join(", ", missing)}");
        Assert.Equal(1, await prometheus.WaitForSampleAsync("collate_hybrid_agent_connected == 1", deadline.Token));
    }
}
