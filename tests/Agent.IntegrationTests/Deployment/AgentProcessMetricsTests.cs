namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// The built agent's /metrics carries only series someone reads (issue 13, item 6). With prometheus-net's default
/// adapters on, the meter <c>Private.InternalDiagnostics.System.Net.Quic.MsQuic</c> alone added 32 <c>msquic</c> gauges.
/// </summary>
public sealed class AgentProcessMetricsTests
{
    [Fact]
    public async Task Metrics_AgentProcess_CarryNoMsQuicSeries()
    {
        var exposition = await AgentProcessMetrics.ScrapeAsync();

        var msquic = exposition.Split('\n').Where(line => line.Contains("msquic", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(msquic.Count == 0, $"{msquic.Count} lines name msquic, e.g. {msquic.FirstOrDefault()}");
        Assert.Contains("collate_hybrid_agent_connected", exposition, StringComparison.Ordinal);
    }
}
