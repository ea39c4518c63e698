using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The dashboard and the alerts read only metrics the agent really exports, and cover the seed's eleven.</summary>
public sealed class DeploymentMetricNamesTests
{
    /// <summary>Series Prometheus itself adds to every target; they never appear in the agent's exposition.</summary>
    private static readonly HashSet<string> ScrapeSeries = ["up"];

    [Fact]
    public async Task DashboardAndAlerts_AgentRunning_UseOnlyMetricsTheAgentExports()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "deploy-names-agent");
        agent.StartServer();
        using var infra = agent.CreateInfraClient();

        var exported = MetricsExposition.Names(await infra.GetStringAsync("/metrics", TestTimeouts.Token()));
        var used = UsedMetricNames();

        Assert.Contains("collate_hybrid_agent_connected", exported);
        var unknown = used.Where(name => !exported.Contains(name) && !ScrapeSeries.Contains(name)).Order().ToList();
        Assert.True(unknown.Count == 0, $"used by the dashboard or the alerts but not exported by the agent: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Dashboard_Expressions_ReadEverySeedMetricAndTheReconnectsAndOutbox()
    {
        var used = DeploymentArtifacts.DashboardExpressions().SelectMany(PromQl.MetricNames).ToHashSet();

        var missing = SeedMetrics.Names
            .Append("collate_hybrid_agent_reconnects_total")
            .Append("collate_hybrid_agent_outbox_depth")
            .Where(name => !used.Contains(name))
            .ToList();
        Assert.True(missing.Count == 0, $"no dashboard panel reads: {string.Join(", ", missing)}");
        Assert.Contains(DeploymentArtifacts.DashboardExpressions(), expression => expression == "sum by (status) (collate_hybrid_agent_jobs_total)");
    }

    [Fact]
    public void MetricNames_PromQlWithFunctionsLabelsAndVariables_ReturnsOnlyMetricNames()
    {
        var names = PromQl.MetricNames(
            "sum by (kind) (rate(a_total{job=\"$job\", kind!~\"x|y\"}[5m])) / on (pod) group_left b_count offset 1m > ${threshold} and up == 0");

        Assert.Equal(["a_total", "b_count", "up"], names.Order());
    }

    private static HashSet<string> UsedMetricNames()
    {
        var expressions = DeploymentArtifacts.DashboardExpressions().Concat(DeploymentArtifacts.RuleExpressions()).ToList();
        Assert.NotEmpty(DeploymentArtifacts.RuleExpressions());
        return expressions.SelectMany(PromQl.MetricNames).ToHashSet();
    }
}
