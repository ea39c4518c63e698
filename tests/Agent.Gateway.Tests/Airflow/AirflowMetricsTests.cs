namespace Agent.Gateway.Tests.Airflow;

/// <summary>collate_hybrid_gateway_http_requests_total{route,code} and the duration histogram.</summary>
public sealed class AirflowMetricsTests
{
    [Fact]
    public async Task EveryAnswer_IsCountedByRouteAndCode_RefusalsIncluded()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var ok = await session.Client.GetAsync("health-auth");
        using var refused = await session.Host.Http.GetAsync("api/v2/openmetadata/health-auth");
        using var unknown = await session.CallAsync("trigger", "never_deployed");

        var metrics = session.Host.Metrics;
        Assert.Equal(1, metrics.Requests.WithLabels("health-auth", "200").Value);
        Assert.Equal(1, metrics.Requests.WithLabels("health-auth", "401").Value);
        Assert.Equal(1, metrics.Requests.WithLabels("trigger", "404").Value);
        Assert.Equal(2, metrics.Duration.WithLabels("health-auth").Count);
    }
}
