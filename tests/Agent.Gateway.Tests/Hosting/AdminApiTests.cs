using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Agent.Gateway.Store;
using Agent.Gateway.Tests.Agents.Doubles;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>GET /admin/agents and /admin/pipelines, and the admin key.</summary>
public sealed class AdminApiTests
{
    private const string AdminKey = "admin-key-of-32-characters-long!";

    [Fact]
    public async Task Agents_ListsTheConnectedAgentWithItsSession()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        await using var agent = await gateway.ConnectAsync();
        var welcome = await agent.HelloAsync();
        using var http = new HttpClient();

        using var body = JsonDocument.Parse(await http.GetStringAsync(new Uri(gateway.AdminUri, "/admin/agents")));

        var listed = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal(GatewayDoubles.AgentId, listed.GetProperty("agentId").GetString());
        Assert.Equal(welcome.SessionId, listed.GetProperty("sessionId").GetString());
        Assert.Equal(agent.InstanceId, listed.GetProperty("instanceId").GetString());
        Assert.Equal("127.0.0.1", listed.GetProperty("remoteAddress").GetString());
        Assert.Equal(0, listed.GetProperty("inFlightRequests").GetInt32());
        Assert.Equal(gateway.Doubles.Bus.ReplicaId, listed.GetProperty("replicaId").GetString());
    }

    [Fact]
    public async Task Pipelines_ListsWhereEachRuns_NeverItsPayloadOrConfig()
    {
        var doubles = new GatewayDoubles();
        await doubles.Pipelines.SaveAsync(new DeployedPipeline(
            "mysql_prod_metadata", "mysql_prod.metadata", "mysql_prod", "metadata", GatewayDoubles.AgentId, true,
            "protected-payload-secret", "protected-config-secret", DateTimeOffset.Parse("2026-03-14T09:26:53Z", System.Globalization.CultureInfo.InvariantCulture), DeletePending: true), CancellationToken.None);
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri(gateway.AdminUri, "/admin/pipelines"));

        using var body = JsonDocument.Parse(text);
        var listed = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("mysql_prod_metadata", listed.GetProperty("dagId").GetString());
        Assert.Equal("mysql_prod.metadata", listed.GetProperty("pipelineFqn").GetString());
        Assert.Equal(GatewayDoubles.AgentId, listed.GetProperty("agentId").GetString());
        Assert.True(listed.GetProperty("enabled").GetBoolean());
        Assert.True(listed.GetProperty("deletePending").GetBoolean());
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/agents")]
    [InlineData("/swagger/index.html")]
    public async Task WithAKey_EveryAdminCallPresentsIt(string path)
    {
        await using var gateway = await GatewayTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GATEWAY_ADMIN_API_KEY"] = AdminKey });
        using var http = new HttpClient();
        var uri = new Uri(gateway.AdminUri, path);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, uri, "wrong-key-of-32-characters-long!!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, uri, AdminKey)).StatusCode);
    }

    [Fact]
    public async Task KeyFromAFile_IsEnforcedToo()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, AdminKey + "\n");
        try
        {
            await using var gateway = await GatewayTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GATEWAY_ADMIN_API_KEY_FILE"] = file });
            using var http = new HttpClient();
            var uri = new Uri(gateway.AdminUri, "/admin/pipelines");

            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(uri)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, uri, AdminKey)).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SwaggerDocument_MapsTheAdminRoutesOnly()
    {
        await using var gateway = await GatewayTestHost.StartAsync();
        using var http = new HttpClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(gateway.AdminUri, "/swagger/v1/swagger.json")));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["/admin/agents", "/admin/pipelines"], paths);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri uri, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }
}
