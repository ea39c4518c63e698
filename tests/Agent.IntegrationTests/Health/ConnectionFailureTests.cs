using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Health;

/// <summary>
/// Issue 13: a connection failure names the server (its URL without query or credentials) and the cause, the same in
/// the log, <c>/admin/connection</c> and <c>/ready</c>, instead of "Unable to connect to the remote server".
/// </summary>
public sealed class ConnectionFailureTests
{
    [Fact]
    public async Task ServerUrlOnAClosedPort_LogConnectionViewAndReady_NameTheRedactedUrlAndConnectionRefused()
    {
        var port = LoopbackServer.ClosedPort();
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "closed-port-agent", new Dictionary<string, string?>
        {
            ["ControlPlane:ServerUrl"] = $"ws://127.0.0.1:{port}/agents?tenant=query-canary",
        });
        agent.StartServer();
        var expected = $"could not connect to ws://127.0.0.1:{port}/agents: connection refused (is the port right?)";

        await LinkSignals.WaitForStateAsync(agent, snapshot => snapshot.LastCloseReason is not null, TestTimeouts.Token());
        using var admin = agent.CreateAdminClient();
        var view = await admin.GetFromJsonAsync<JsonElement>("/admin/connection");
        using var infra = agent.CreateInfraClient();
        var ready = await infra.GetAsync("/ready");
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        Assert.Equal(expected, view.GetProperty("lastCloseReason").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("disconnected: " + expected, checks.GetProperty("controlPlane").GetProperty("reason").GetString());
        // One line per attempt (the agent may have retried by now), with no stack trace and no query string.
        var attempts = agent.Logs.Lines.Where(line => line.Contains("Could not connect", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, logged =>
        {
            Assert.StartsWith("Warning Could not connect to ", logged, StringComparison.Ordinal);
            Assert.Contains($"ws://127.0.0.1:{port}/agents", logged, StringComparison.Ordinal);
            Assert.Contains("connection refused (is the port right?)", logged, StringComparison.Ordinal);
            Assert.DoesNotContain("query-canary", logged, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", logged, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', logged);
        });
        Assert.DoesNotContain(agent.Logs.Lines, line => line.Contains("Unable to connect to the remote server", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_ArgoWithASelfSignedCertificate_NamesTheEndpointTheCauseAndTheCertificateVariable()
    {
        using var certificate = TestCertificates.Loopback(issuer: null);
        await using var argo = LoopbackServer.Tls(certificate);
        var endpoint = $"https://127.0.0.1:{argo.Port}/";
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "untrusted-argo-agent", new Dictionary<string, string?> { ["Argo:Endpoint"] = endpoint });
        agent.StartServer();
        using var infra = agent.CreateInfraClient();

        var ready = await infra.GetAsync("/ready");
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(
            $"Argo Unavailable at {endpoint}: Argo Server unreachable: TLS: certificate not trusted (set ARGO_SERVER_CERTIFICATE_PATH)",
            checks.GetProperty("argo").GetProperty("reason").GetString());
    }
}
