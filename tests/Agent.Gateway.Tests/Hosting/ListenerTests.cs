using System.Net;
using Agent.Core.Protocol;
using Agent.Gateway.Tests.Agents.Doubles;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>Each listener serves its own routes and nothing else.</summary>
public sealed class ListenerTests
{
    [Theory]
    [InlineData("/metrics", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/ready", HttpStatusCode.OK)]
    [InlineData("/admin/agents", HttpStatusCode.NotFound)]
    [InlineData(ProtocolVersion.ConnectPath, HttpStatusCode.NotFound)]
    [InlineData("/swagger/index.html", HttpStatusCode.NotFound)]
    public async Task MetricsListener_ServesOnlyMetricsAndProbes(string path, HttpStatusCode expected)
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();

        Assert.Equal(expected, (await http.GetAsync(new Uri(gateway.MetricsUri, path))).StatusCode);
    }

    [Theory]
    [InlineData("/admin/agents", HttpStatusCode.OK)]
    [InlineData("/admin/pipelines", HttpStatusCode.OK)]
    [InlineData("/swagger/index.html", HttpStatusCode.OK)]
    [InlineData("/metrics", HttpStatusCode.NotFound)]
    [InlineData("/ready", HttpStatusCode.NotFound)]
    [InlineData(ProtocolVersion.ConnectPath, HttpStatusCode.NotFound)]
    public async Task AdminListener_ServesOnlyTheAdminApiAndSwagger(string path, HttpStatusCode expected)
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();

        Assert.Equal(expected, (await http.GetAsync(new Uri(gateway.AdminUri, path))).StatusCode);
    }

    [Theory]
    [InlineData("/metrics", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.NotFound)]
    [InlineData("/admin/agents", HttpStatusCode.NotFound)]
    [InlineData("/swagger/index.html", HttpStatusCode.NotFound)]
    [InlineData(ProtocolVersion.ConnectPath, HttpStatusCode.BadRequest)]
    public async Task PublicListener_ServesNoMetricsProbesOrAdmin(string path, HttpStatusCode expected)
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();

        Assert.Equal(expected, (await http.GetAsync(new Uri(gateway.PublicUri, path))).StatusCode);
    }

    [Fact]
    public async Task Ready_IsUnavailable_WhileTheStoreDoesNotAnswer_AndHealthStaysUp()
    {
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        using var http = new HttpClient();
        doubles.Presence.Failure = new TimeoutException("store unreachable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(gateway.MetricsUri, "/ready"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(gateway.MetricsUri, "/health"))).StatusCode);

        doubles.Presence.Failure = null;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(gateway.MetricsUri, "/ready"))).StatusCode);
    }

    [Fact]
    public async Task Metrics_ExportTheHubsSeriesFromTheFirstScrape()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();

        var metrics = await http.GetStringAsync(new Uri(gateway.MetricsUri, "/metrics"));

        Assert.Contains("collate_hybrid_gateway_connected_agents 0", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE collate_hybrid_gateway_agent_requests_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE collate_hybrid_gateway_agent_request_duration_seconds histogram", metrics, StringComparison.Ordinal);
    }
}
