using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Agent.Tests.Sandbox.OpenMetadata;

/// <summary>
/// The sandbox's OpenMetadata REST emulator: the service read the gateway makes, strict about the bot token and paths
/// the way the real server is, with OpenMetadata's error JSON.
/// </summary>
public sealed class OpenMetadataEmulatorTests
{
    private const string SeededService = "/openmetadata/api/v1/services/databaseServices/name/mysql_prod";

    [Fact]
    public async Task GetService_BotToken_AnswersTheSeededServiceWithItsServiceType()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await GetAsync(sandbox, SeededService, SandboxServer.OpenMetadataBotToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("mysql_prod", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("Mysql", body.RootElement.GetProperty("serviceType").GetString());
        Assert.False(body.RootElement.TryGetProperty("ingestionRunner", out _));
    }

    [Fact]
    public async Task GetService_NoAuthorization_401TokenNotPresentInOpenMetadataShape()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await GetAsync(sandbox, SeededService, token: null);

        // JwtFilter.extractToken: "Not Authorized! Token not present"; AuthenticationException → {"code":401,"message":…}.
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Not Authorized! Token not present");
    }

    [Fact]
    public async Task GetService_WrongToken_401()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await GetAsync(sandbox, SeededService, "someone-elses-token");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Not Authorized! Invalid token.");
    }

    [Fact]
    public async Task GetService_ConfiguredBotToken_OnlyThatTokenIsAccepted()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:OpenMetadata:BotToken"] = "rotated-bot" });

        using var old = await GetAsync(sandbox, SeededService, SandboxServer.OpenMetadataBotToken);
        using var rotated = await GetAsync(sandbox, SeededService, "rotated-bot");

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }

    [Fact]
    public async Task GetService_UnknownService_404WithEntityNotFoundText()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await GetAsync(sandbox, "/openmetadata/api/v1/services/databaseServices/name/nope", SandboxServer.OpenMetadataBotToken);

        // CatalogExceptionMessage.entityNotFound (OM @049f17d2): "%s instance for %s not found".
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "databaseService instance for nope not found");
    }

    [Fact]
    public async Task GetService_UnknownCollection_404()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await GetAsync(sandbox, "/openmetadata/api/v1/services/teapotServices/name/mysql_prod", SandboxServer.OpenMetadataBotToken);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "HTTP 404 Not Found");
    }

    [Fact]
    public async Task RegisterService_ThenGet_ServesItWithItsIngestionRunner()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var registered = await sandbox.Client.PostAsJsonAsync("/sandbox/openmetadata/services",
            new { collection = "dashboardServices", name = "looker_eu", serviceType = "Looker", ingestionRunner = "agent-eu" });
        using var response = await GetAsync(sandbox, "/openmetadata/api/v1/services/dashboardServices/name/looker_eu", SandboxServer.OpenMetadataBotToken);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Looker", body.RootElement.GetProperty("serviceType").GetString());
        Assert.Equal("agent-eu", body.RootElement.GetProperty("ingestionRunner").GetProperty("name").GetString());
    }

    [Fact]
    public async Task RegisterService_UnknownCollection_400()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await sandbox.Client.PostAsJsonAsync("/sandbox/openmetadata/services",
            new { collection = "teapots", name = "x", serviceType = "Mysql" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Lookups_RecordEachServiceReadWithItsStatus()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        (await GetAsync(sandbox, SeededService, SandboxServer.OpenMetadataBotToken)).Dispose();
        (await GetAsync(sandbox, SeededService, "wrong")).Dispose();

        using var lookups = JsonDocument.Parse(await sandbox.Client.GetStringAsync(new Uri("/sandbox/openmetadata/lookups", UriKind.Relative)));

        Assert.Equal([200, 401], lookups.RootElement.EnumerateArray().Select(l => l.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task SystemVersion_NoToken_AnswersThePinnedRelease()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        // JwtFilter.EXCLUDED_ENDPOINTS lists "v1/system/version": no token needed.
        using var version = JsonDocument.Parse(await sandbox.Client.GetStringAsync(new Uri("/openmetadata/api/v1/system/version", UriKind.Relative)));

        Assert.Equal("1.13.3", version.RootElement.GetProperty("version").GetString());
    }

    private static async Task<HttpResponseMessage> GetAsync(SandboxServer sandbox, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await sandbox.Client.SendAsync(request);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
    }
}
