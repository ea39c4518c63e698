using Agent.Core.Operations;
using Agent.IntegrationTests.ControlPlane;

namespace Agent.IntegrationTests.Abuse;

/// <summary>
/// What a control plane sends never grows the agent's exported state without bound (issue 12, finding 3): request
/// types the agent does not know share one <c>type</c> label value, so /metrics stays the same size whatever arrives.
/// </summary>
public sealed class UnboundedStateTests
{
    [Fact]
    public async Task Metrics_FiveHundredUnknownRequestTypes_ShareOneSeries()
    {
        await using var link = await BadInputLink.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            link.Server.SendRequestAsync(link.Agent.AgentId, $"custom.probe{i}", BadInputLink.Empty(), TestTimeouts.Token())));
        using var infra = link.Agent.CreateInfraClient();
        var exposition = await infra.GetStringAsync("/metrics", TestTimeouts.Token());

        Assert.All(answers, answer => Assert.Equal(ResultCodes.BadRequest, ReliableMessages.Result(answer).Code));
        var series = exposition.Split('\n').Where(line => line.StartsWith("collate_hybrid_agent_requests_total{", StringComparison.Ordinal)).ToList();
        var unknown = Assert.Single(series);
        Assert.Contains($"type=\"{RequestDispatcher.UnknownTypeLabel}\"", unknown, StringComparison.Ordinal);
        Assert.EndsWith(" 500", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("custom.probe", exposition, StringComparison.Ordinal);
    }
}
