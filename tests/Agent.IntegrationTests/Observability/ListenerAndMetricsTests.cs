using System.Net;
using Agent.IntegrationTests.Deployment;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Observability;

/// <summary>The infra listener serves metrics and probes only; the admin listener serves the admin API and Swagger only.</summary>
public sealed class ListenerAndMetricsTests
{
    [Fact]
    public async Task Metrics_Scraped_ExportsEverySeedMetricAndConnectedOnceWelcomed()
    {
        await using var rig = await AgentRig.StartAsync("metrics-agent");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        using var infra = agent.CreateInfraClient();

        var exposition = await infra.GetStringAsync("/metrics");

        foreach (var series in SeedMetrics.Selectors.Concat(ChartMetrics.Selectors))
        {
            Assert.NotNull(MetricsText.Sample(exposition, series));
        }

        Assert.Equal(1, MetricsText.Sample(exposition, "collate_hybrid_agent_connected"));
    }

    [Fact]
    public async Task Routes_EachListener_ServesOnlyItsOwnEndpoints()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "listener-agent", new Dictionary<string, string?> { ["Server:MetricsPath"] = "/prom" });
        agent.StartServer();
        using var infra = agent.CreateInfraClient();
        using var admin = agent.CreateAdminClient();

        Assert.Equal(HttpStatusCode.OK, (await infra.GetAsync("/prom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await infra.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await infra.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await infra.GetAsync("/admin/connection")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await infra.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/connection")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Contains("/admin/jobs", await admin.GetStringAsync("/swagger/v1/swagger.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/prom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Listeners_ConfiguredPorts_AreTheOnesBound()
    {
        var (metricsPort, adminPort) = (FreePort(), FreePort());
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "ports-agent", new Dictionary<string, string?>
        {
            ["Server:MetricsPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server:AdminPort"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        agent.StartServer();
        using var infra = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}") };

        Assert.Equal(HttpStatusCode.OK, (await infra.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/connection")).StatusCode);
    }

    [Fact]
    public async Task Ready_ArgoUnreachable_IsUnavailableAndNamesArgo()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "no-argo-agent", new Dictionary<string, string?> { ["Argo:Endpoint"] = $"http://127.0.0.1:{FreePort()}" });
        agent.StartServer();
        using var infra = agent.CreateInfraClient();

        var ready = await infra.GetAsync("/ready");
        var body = await ready.Content.ReadAsStringAsync();

        var checks = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", checks.GetProperty("argo").GetProperty("status").GetString());
        Assert.Contains("Argo Server", checks.GetProperty("argo").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A port free right now on loopback, for tests that must name their ports.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Ready_WrongControlPlaneToken_IsUnavailableAndSaysUnauthorized()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "refused-agent", new Dictionary<string, string?> { ["ControlPlane:AuthToken"] = "wrong-token" });
        agent.StartServer();
        using var infra = agent.CreateInfraClient();
        var refused = new TaskCompletionSource();
        var state = agent.Services.GetRequiredService<Agent.Core.Link.ConnectionState>();
        state.Changed += snapshot =>
        {
            if (snapshot.LastCloseCode == Agent.Core.Protocol.CloseCodes.Unauthorized)
            {
                refused.TrySetResult();
            }
        };
        if (state.Current.LastCloseCode == Agent.Core.Protocol.CloseCodes.Unauthorized)
        {
            refused.TrySetResult();
        }

        await refused.Task.WaitAsync(TestTimeouts.Token());
        var ready = await infra.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("unauthorized", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
