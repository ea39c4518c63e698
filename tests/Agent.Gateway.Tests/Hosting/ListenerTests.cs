using System.Net;
using Agent.Core.Protocol;
using Agent.Gateway.Tests.Agents.Doubles;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>Each listener serves its own routes and nothing else.</summary>
public sealed class ListenerTests
{
    [Theory]
    [InlineData("metrics", "/metrics", HttpStatusCode.OK)]
    [InlineData("metrics", "/health", HttpStatusCode.OK)]
    [InlineData("metrics", "/ready", HttpStatusCode.OK)]
    [InlineData("metrics", "/admin/agents", HttpStatusCode.NotFound)]
    [InlineData("metrics", ProtocolVersion.ConnectPath, HttpStatusCode.NotFound)]
    [InlineData("metrics", "/swagger/index.html", HttpStatusCode.NotFound)]
    [InlineData("admin", "/admin/agents", HttpStatusCode.OK)]
    [InlineData("admin", "/admin/pipelines", HttpStatusCode.OK)]
    [InlineData("admin", "/swagger/index.html", HttpStatusCode.OK)]
    [InlineData("admin", "/metrics", HttpStatusCode.NotFound)]
    [InlineData("admin", "/ready", HttpStatusCode.NotFound)]
    [InlineData("admin", ProtocolVersion.ConnectPath, HttpStatusCode.NotFound)]
    [InlineData("public", "/metrics", HttpStatusCode.NotFound)]
    [InlineData("public", "/health", HttpStatusCode.NotFound)]
    [InlineData("public", "/admin/agents", HttpStatusCode.NotFound)]
    [InlineData("public", "/swagger/index.html", HttpStatusCode.NotFound)]
    [InlineData("public", ProtocolVersion.ConnectPath, HttpStatusCode.BadRequest)]
    public async Task Listener_ServesOnlyItsOwnRoutes(string listener, string path, HttpStatusCode expected)
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();
        var baseUri = listener switch
        {
            "metrics" => gateway.MetricsUri,
            "admin" => gateway.AdminUri,
            _ => gateway.PublicUri,
        };

        Assert.Equal(expected, (await http.GetAsync(new Uri(baseUri, path))).StatusCode);
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
