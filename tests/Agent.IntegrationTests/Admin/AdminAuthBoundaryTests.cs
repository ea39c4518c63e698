using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Admin;

/// <summary>
/// With a key, the key is the only way in: Swagger is behind it too, and state-changing routes take it from the
/// <c>Authorization</c> header alone, so a browser cannot be tricked into sending it (no CSRF), even from loopback.
/// </summary>
public sealed class AdminAuthBoundaryTests
{
    private const string Key = "admin-key-0123456789abcdef";

    public static TheoryData<string> SwaggerPaths => new() { "/swagger/v1/swagger.json", "/swagger/index.html" };

    [Theory]
    [MemberData(nameof(SwaggerPaths))]
    public async Task Swagger_KeyConfigured_401WithoutKey403WithWrongKeyServedWithKey(string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "swagger-auth-" + Guid.NewGuid().ToString("N")[..8], WithKey());
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        using var anonymous = await admin.GetAsync(path);
        using var wrong = await admin.SendAsync(Bearer(HttpMethod.Get, path, "not-the-key-at-all-000"));
        using var right = await admin.SendAsync(Bearer(HttpMethod.Get, path, Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("/admin/jobs", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData("/admin/drain")]
    [InlineData("/admin/connection/reconnect")]
    public async Task StateChangingRoute_KeyOnlyInCookieQueryOrForm_RefusedFromLoopbackAndNothingChanges(string path)
    {
        await using var rig = await AgentRig.StartAsync("csrf-" + Guid.NewGuid().ToString("N")[..8], agentOverrides: WithKey());
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        using var admin = agent.CreateAdminClient();
        using var infra = agent.CreateInfraClient();

        // What a page in the operator's browser could make it send: a plain form POST carries cookies and the URL,
        // never an Authorization header (adding one makes the browser ask first with a preflight the agent refuses).
        var attempts = new[]
        {
            new HttpRequestMessage(HttpMethod.Post, path),
            new HttpRequestMessage(HttpMethod.Post, path) { Headers = { { "Cookie", $"admin_key={Key}; access_token={Key}" } } },
            new HttpRequestMessage(HttpMethod.Post, $"{path}?access_token={Key}&key={Key}"),
            new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = Key, ["key"] = Key }),
                Headers = { { "Origin", "http://attacker.example" } },
            },
            new HttpRequestMessage(HttpMethod.Post, path) { Headers = { Authorization = new AuthenticationHeaderValue("Basic", Key) } },
        };
        var statuses = new List<HttpStatusCode>();
        foreach (var attempt in attempts)
        {
            using (attempt)
            using (var response = await admin.SendAsync(attempt, cancellation))
            {
                statuses.Add(response.StatusCode);
            }
        }

        using var ready = await infra.GetAsync("/ready", cancellation);
        using var connection = await admin.SendAsync(Bearer(HttpMethod.Get, "/admin/connection", Key), cancellation);
        using var view = JsonDocument.Parse(await connection.Content.ReadAsStringAsync(cancellation));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(0, view.RootElement.GetProperty("reconnectCount").GetInt32());
    }

    private static Dictionary<string, string?> WithKey() => new() { ["Server:AdminApiKey"] = Key, ["Server:AdminHost"] = "127.0.0.1" };

    private static HttpRequestMessage Bearer(HttpMethod method, string path, string key) =>
        new(method, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
}
