using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;
using Agent.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Admin;

/// <summary>Every admin route, with and without the API key.</summary>
public sealed class AdminApiTests
{
    private const string Key = "admin-key-0123456789abcdef";

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/admin/connection" },
        { "GET", "/admin/jobs" },
        { "GET", "/admin/jobs/unknown-run" },
        { "GET", "/admin/diagnostics" },
        { "POST", "/admin/drain" },
        { "DELETE", "/admin/drain" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AdminRoute_KeyConfigured_401WithoutKey403WithWrongKey(string method, string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "admin-auth-" + Guid.NewGuid().ToString("N")[..8], WithKey());
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        using var anonymous = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var wrong = await admin.SendAsync(Authorized(method, path, "not-the-key-at-all-000"));
        using var right = await admin.SendAsync(Authorized(method, path, Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.True(right.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NotFound, $"{path}: {right.StatusCode}");
        Assert.Equal(path.EndsWith("unknown-run", StringComparison.Ordinal), right.StatusCode == HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AdminRoute_NoKeyConfigured_AnswersWithoutCredentials(string method, string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "admin-open-" + Guid.NewGuid().ToString("N")[..8]);
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.Equal(path.EndsWith("unknown-run", StringComparison.Ordinal), response.StatusCode == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminListener_NoKey_BindsLoopbackAndAnswersWithoutKey()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "admin-open");
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        var connection = await admin.GetAsync("/admin/connection");

        Assert.Equal(HttpStatusCode.OK, connection.StatusCode);
        Assert.True(IPAddress.IsLoopback(agent.Services.GetRequiredService<ListenerPorts>().Admin!.IPEndPoint!.Address));
    }

    [Fact]
    public async Task Jobs_AfterRuns_FilterByPipelineAndStateWithPagingAndShowAck()
    {
        await using var rig = await AgentRig.StartAsync("admin-jobs");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        var runs = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var runId in runs)
        {
            await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.jobs", runId: runId), cancellation);
        }

        await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.other"), cancellation);
        foreach (var runId in runs)
        {
            await sandbox.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, cancellation);
        }

        using var admin = agent.CreateAdminClient();
        var page = await admin.GetFromJsonAsync<JsonElement>("/admin/jobs?pipeline=svc.jobs&state=success&page=1&pageSize=2", cancellation);
        var one = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runs[0]}", cancellation);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal("svc.jobs", item.GetProperty("pipelineFqn").GetString()));
        Assert.Equal("success", one.GetProperty("state").GetString());
        Assert.StartsWith("om-jobs-", one.GetProperty("workflowName").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/jobs?pageSize=100000", cancellation)).StatusCode);
    }

    [Fact]
    public async Task Diagnostics_SecretsConfigured_RedactedAndArgoChecked()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "admin-diag", WithKey());
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        using var response = await admin.SendAsync(Authorized("GET", "/admin/diagnostics", Key));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        Assert.DoesNotContain(SandboxServer.ControlPlaneToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxServer.ArgoToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentApplication.ExtraEnvSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        var token = body.GetProperty("configuration").EnumerateArray().Single(entry => entry.GetProperty("variable").GetString() == "AUTH_TOKEN");
        Assert.Equal("***", token.GetProperty("value").GetString());
        Assert.True(body.GetProperty("argo").GetProperty("reachable").GetBoolean());
        Assert.True(body.GetProperty("argo").GetProperty("canListWorkflows").GetBoolean());
        Assert.Equal("v4.1.2", body.GetProperty("argo").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Drain_Posted_ReadyTurnsUnavailableAndNewRequestsAreRefused()
    {
        await using var rig = await AgentRig.StartAsync("admin-drain");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        using var admin = agent.CreateAdminClient();
        using var infra = agent.CreateInfraClient();

        var drain = await admin.PostAsync("/admin/drain", null, cancellation);
        var ready = await infra.GetAsync("/ready", cancellation);
        var answer = await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.drained"), cancellation);

        Assert.Equal(HttpStatusCode.Accepted, drain.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("draining", await ready.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);
        Assert.Equal(503, answer.Payload.GetProperty("code").GetInt32());
        Assert.Empty(sandbox.Services.GetRequiredService<Agent.Sandbox.Argo.ArgoEmulator>().ListWorkflows());
    }

    // Tests bind loopback only; that a key moves the default bind address to all interfaces is a unit test of ServerOptions.
    private static Dictionary<string, string?> WithKey() => new() { ["Server:AdminApiKey"] = Key, ["Server:AdminHost"] = "127.0.0.1" };

    private static HttpRequestMessage Authorized(string method, string path, string key) =>
        new(new HttpMethod(method), path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
}
