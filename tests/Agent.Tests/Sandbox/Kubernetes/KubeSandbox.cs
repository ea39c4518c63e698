using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>
/// The sandbox as the Kubernetes emulator's tests want it: a fake clock (pods wait for it unless a test sets the delays
/// to 0), no log output, plus request shortcuts.
/// </summary>
internal static class KubeSandbox
{
    public const string Namespace = "ingest";
    public const string Jobs = "/apis/batch/v1/namespaces/ingest/jobs";
    public const string CronJobs = "/apis/batch/v1/namespaces/ingest/cronjobs";
    public const string Pods = "/api/v1/namespaces/ingest/pods";
    public const string Secrets = "/api/v1/namespaces/ingest/secrets";

    public static Task<SandboxServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var merged = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "None" };
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }

        return SandboxServer.StartAsync(merged, time: time);
    }

    /// <summary>Pods start and finish as soon as they are created.</summary>
    public static Task<SandboxServer> StartImmediateAsync() => StartAsync(new()
    {
        ["Sandbox:Kubernetes:PendingSeconds"] = "0",
        ["Sandbox:Kubernetes:RunningSeconds"] = "0",
        ["Sandbox:Kubernetes:BackoffSeconds"] = "0",
    });

    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(this SandboxServer sandbox, string path, JsonNode body)
    {
        using var response = await sandbox.Client.PostAsync(path, JsonBody(body));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public static async Task<JsonObject> CreateOkAsync(this SandboxServer sandbox, string path, JsonObject body)
    {
        var (status, created) = await sandbox.PostAsync(path, body);
        Assert.True(status == HttpStatusCode.Created, created.ToJsonString());
        return created;
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(this SandboxServer sandbox, HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, contentType);
            request.Content.Headers.ContentType = new(contentType);
        }

        using var response = await sandbox.Client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public static async Task<JsonObject> GetJsonAsync(this SandboxServer sandbox, string path) =>
        (await sandbox.Client.GetFromJsonAsync<JsonObject>(path))!;

    public static async Task<List<JsonObject>> ListAsync(this SandboxServer sandbox, string path) =>
        [.. ((await sandbox.GetJsonAsync(path))["items"] as JsonArray ?? []).OfType<JsonObject>()];

    public static StringContent JsonBody(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static string Str(JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, part) => current?[part])?.GetValue<string>() ?? "";
}
