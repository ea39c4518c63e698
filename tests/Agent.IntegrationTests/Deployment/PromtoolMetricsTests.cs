using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary><c>promtool check metrics</c> accepts the agent's exposition, apart from the seed's fixed names.</summary>
public sealed class PromtoolMetricsTests
{
    /// <summary>
    /// promtool's naming lints that the seed contract forces on us. The seed's dashboards and alerts read exactly these
    /// names, so renaming them (the lint's advice) would break every existing deployment.
    /// </summary>
    private static readonly (string Metric, string Problem)[] SeedContractLints =
    [
        // "jobs_counter_total" carries a type name by the seed's choice; the counter itself follows the _total rule.
        ("collate_hybrid_agent_jobs_counter_total", "metric name should not include type 'counter'"),
    ];

    [Fact]
    public async Task CheckMetrics_AgentExposition_FindsNoProblemBeyondTheSeedContract()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "promtool-agent");
        agent.StartServer();
        using var infra = agent.CreateInfraClient();
        var exposition = await infra.GetStringAsync("/metrics", TestTimeouts.Token());

        var result = await ExternalTool.RunAsync(promtool, ["check", "metrics"], exposition, null, TestTimeouts.Token());

        var problems = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !SeedContractLints.Any(lint => line.StartsWith(lint.Metric + " ", StringComparison.Ordinal) && line.Contains(lint.Problem, StringComparison.Ordinal)))
            .ToList();
        Assert.True(problems.Count == 0, $"promtool check metrics (exit {result.ExitCode}):\n{string.Join('\n', problems)}");
        Assert.Contains("collate_hybrid_agent_connected", exposition, StringComparison.Ordinal);
    }
}
