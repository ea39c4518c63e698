using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox;
using Agent.Sandbox.Argo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>The real sandbox app on a loopback port with a fake clock, plus an HttpClient pointed at it.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string Namespace = "ingest";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, FakeTimeProvider time, HttpClient client)
    {
        _app = app;
        Time = time;
        Client = client;
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public ArgoEmulator Emulator => _app.Services.GetRequiredService<ArgoEmulator>();

    public static async Task<SandboxHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var app = SandboxApp.Build([], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Configuration.AddInMemoryCollection(settings ?? []);
            builder.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TestTimeouts.Request };
        return new SandboxHost(app, time, client);
    }

    public Task<HttpResponseMessage> CreateAsync(JsonObject workflow, string @namespace = Namespace) =>
        Client.PostAsync($"/api/v1/workflows/{@namespace}", JsonBody(new JsonObject { ["workflow"] = workflow }));

    public async Task<JsonObject> CreateOkAsync(JsonObject workflow)
    {
        using var response = await CreateAsync(workflow);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return await ReadObjectAsync(response);
    }

    public Task<StreamLines> OpenStreamAsync(string path, bool serverSentEvents = false) =>
        StreamLines.OpenAsync(Client, path, serverSentEvents);

    public static StringContent JsonBody(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
