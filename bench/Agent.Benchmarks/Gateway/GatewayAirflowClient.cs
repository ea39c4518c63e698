using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Agent.Benchmarks.Gateway;

/// <summary>
/// The Airflow REST calls OpenMetadata's AirflowRESTClient makes, as it makes them: Basic auth, JSON content type,
/// under the first prefix it probes (the gateway answers all three the same). One pooled connection per concurrent
/// caller, so a level of concurrency is that many open connections.
/// </summary>
internal sealed class GatewayAirflowClient : IDisposable
{
    private const string Prefix = "pluginsv2/api/v2/openmetadata/";

    private readonly HttpClient _http;

    public GatewayAirflowClient(GatewayProcess gateway, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        _http = new HttpClient(handler) { BaseAddress = new Uri(gateway.BaseUrl, Prefix), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GatewayProcess.Username}:{GatewayProcess.Password}")));
    }

    /// <summary>POST deploy with an IngestionPipeline of service <paramref name="index"/>; null on 200, else the status and body.</summary>
    public Task<string?> DeployAsync(Uri openMetadataApi, string botToken, int index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "deploy", Pipeline(openMetadataApi, botToken, index).ToJsonString(), cancellationToken);

    public Task<string?> TriggerAsync(int index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "trigger", new JsonObject { ["dag_id"] = GatewayFleet.DagId(index) }.ToJsonString(), cancellationToken);

    /// <summary>The run-history read OpenMetadata makes: <c>status?dag_id=…&amp;only_queued=true</c>.</summary>
    public Task<string?> StatusAsync(int index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"status?dag_id={GatewayFleet.DagId(index)}&only_queued=true", "", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<string?> SendAsync(HttpMethod method, string path, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 160)]}";
    }

    /// <summary>An IngestionPipeline as AirflowRESTClient.deploy posts it (entity ingestionPipeline.json with the bot's server connection).</summary>
    private static JsonObject Pipeline(Uri openMetadataApi, string botToken, int index) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = GatewayFleet.DagId(index),
        ["fullyQualifiedName"] = $"{GatewayFleet.ServiceName(index)}.{GatewayFleet.DagId(index)}",
        ["pipelineType"] = "metadata",
        ["sourceConfig"] = new JsonObject { ["config"] = new JsonObject { ["type"] = "DatabaseMetadata" } },
        ["airflowConfig"] = new JsonObject { ["scheduleInterval"] = "0 * * * *", ["retries"] = 0, ["pausePipeline"] = false },
        ["service"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "databaseService",
            ["name"] = GatewayFleet.ServiceName(index),
            ["fullyQualifiedName"] = GatewayFleet.ServiceName(index),
        },
        ["loggerLevel"] = "INFO",
        ["enabled"] = true,
        ["deployed"] = false,
        ["openMetadataServerConnection"] = new JsonObject
        {
            ["hostPort"] = openMetadataApi.ToString(),
            ["authProvider"] = "openmetadata",
            ["securityConfig"] = new JsonObject { ["jwtToken"] = botToken },
            ["verifySSL"] = "no-ssl",
        },
    };
}
