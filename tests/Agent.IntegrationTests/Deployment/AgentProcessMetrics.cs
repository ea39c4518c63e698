using System.Globalization;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// What the built agent serves at /metrics as its own process. Only that process uses prometheus-net's default
/// registry, the one whose EventCounter and Meter adapters would export the runtime's and libraries' own series; the
/// test hosts use a registry of their own, so a scrape of theirs would miss them (issue 12, finding 13).
/// </summary>
internal static class AgentProcessMetrics
{
    /// <summary>
    /// Starts the agent, lets it connect and answer one request (so meters that appear on first use would be there), and
    /// returns its second /metrics page: the default registry starts its adapters at its first collection
    /// (<c>Metrics.SuppressDefaultMetrics</c> hooks that moment), so only a later scrape shows what they export.
    /// </summary>
    public static async Task<string> ScrapeAsync()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        var agentId = LinkSignals.NewAgentId("metrics-process");
        var port = FreePort.Next();
        await using var agent = AgentProcess.Start(
            sandbox, agentId, new Dictionary<string, string?> { ["METRICS_SERVER_PORT"] = port.ToString(CultureInfo.InvariantCulture) });
        await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        await sandbox.ControlPlane.SendRequestAsync(agentId, MessageTypes.ServiceStatus, BadInputLink.Empty(), cancellation);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        await FirstScrapeAsync(client, cancellation);
        return await client.GetStringAsync("/metrics", cancellation);
    }

    private static async Task FirstScrapeAsync(HttpClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await client.GetStringAsync("/metrics", cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                // The infra listener may start a moment after the control-plane link is up.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }
}
