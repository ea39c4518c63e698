using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>
/// The kit's <see cref="SandboxServer"/> as the Argo emulator's tests want it: a fake clock, auth off unless a test sets
/// a token, no log output; plus the request shortcuts those tests share.
/// </summary>
internal static class ArgoSandbox
{
    public const string Namespace = "ingest";

    public static Task<SandboxServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var merged = new Dictionary<string, string?>
        {
            ["Sandbox:Argo:Token"] = "",
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }

        return SandboxServer.StartAsync(merged, time: time);
    }

    public static Task<HttpResponseMessage> CreateAsync(this SandboxServer sandbox, JsonObject workflow, string @namespace = Namespace) =>
        sandbox.Client.PostAsync($"/api/v1/workflows/{@namespace}", JsonBody(new JsonObject { ["workflow"] = workflow }));

    public static async Task<JsonObject> CreateOkAsync(this SandboxServer sandbox, JsonObject workflow)
    {
        using var response = await sandbox.CreateAsync(workflow);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    public static async Task<JsonObject> GetJsonAsync(this SandboxServer sandbox, string path)
    {
        using var response = await sandbox.Client.GetAsync(path);
        return await ReadObjectAsync(response);
    }

    public static Task<StreamLines> OpenStreamAsync(this SandboxServer sandbox, string path, bool serverSentEvents = false) =>
        StreamLines.OpenAsync(sandbox.Client, path, serverSentEvents);

    public static StringContent JsonBody(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
