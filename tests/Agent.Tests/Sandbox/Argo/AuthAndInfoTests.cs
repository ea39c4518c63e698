using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Api;

namespace Agent.Tests.Sandbox.Argo;

public class AuthAndInfoTests
{
    private const string Token = "sandbox-token";
    private const string ListPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Basic c2E6eA==")]
    public async Task Api_MissingOrWrongToken_Returns401WithoutVersionHeader(string? authorization)
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:Token"] = Token });

        using var response = await SendAsync(sandbox, ListPath, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"code":16,"message":"token not valid"}""", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains(ArgoApiFilter.VersionHeader));
    }

    [Fact]
    public async Task Api_RightToken_Returns200WithVersionHeader()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:Token"] = Token, ["Sandbox:Argo:Version"] = "v9.9.9" });

        using var response = await SendAsync(sandbox, $"{ListPath}?listOptions.limit=1", $"Bearer {Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v9.9.9", response.Headers.GetValues(ArgoApiFilter.VersionHeader).Single());
    }

    [Theory]
    [InlineData("/api/v1/version")]
    [InlineData("/api/v1/info")]
    public async Task InfoRoutes_AnyBearer_Return200ButMissingHeaderIs401(string path)
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:Token"] = Token });

        using var anyBearer = await SendAsync(sandbox, path, "Bearer not-checked");
        using var missing = await SendAsync(sandbox, path, null);

        Assert.Equal(HttpStatusCode.OK, anyBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task Version_Default_ReportsAllFields()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        var version = await sandbox.GetJsonAsync("/api/v1/version");

        Assert.Equal("v4.1.2", version["version"]!.GetValue<string>());
        Assert.Equal(
            ["buildDate", "compiler", "gitCommit", "gitTag", "gitTreeState", "goVersion", "platform", "version"],
            version.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Info_Default_ReturnsEmptyInfoResponse()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.GetAsync("/api/v1/info");

        Assert.Equal(
            """{"managedNamespace":"","links":[],"columns":[],"navColor":"","modals":{}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stream_WithoutToken_Returns401InStreamErrorShape()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:Token"] = Token });

        using var response = await SendAsync(sandbox, $"/api/v1/workflow-events/{ArgoSandbox.Namespace}", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(16, body["error"]!["grpc_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnemulatedArgoRoute_Returns501Unimplemented()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.PutAsync($"{ListPath}/wf/retry", ArgoSandbox.JsonBody(new JsonObject()));
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(12, error["code"]!.GetValue<int>());
        Assert.StartsWith("not implemented by the sandbox: PUT", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsRoute_AfterCalls_CountsPerRouteTemplate()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-counted"));
        using var get1 = await sandbox.Client.GetAsync($"{ListPath}/wf-counted");
        using var get2 = await sandbox.Client.GetAsync($"{ListPath}/other");

        var stats = await sandbox.GetJsonAsync("/sandbox/argo/stats");

        Assert.Equal(2, stats["requests"]!["GET /api/v1/workflows/{namespace}/{name}"]!.GetValue<long>());
        Assert.Equal(1, stats["requests"]!["POST /api/v1/workflows/{namespace}"]!.GetValue<long>());
        Assert.Equal(1, stats["workflows"]!.GetValue<int>());
        Assert.Equal(0, stats["openWatches"]!.GetValue<int>());
    }

    private static async Task<HttpResponseMessage> SendAsync(SandboxServer sandbox, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await sandbox.Client.SendAsync(request);
    }
}
