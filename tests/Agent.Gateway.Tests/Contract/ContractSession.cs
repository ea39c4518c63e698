using System.Text.Json;
using Agent.Gateway.Airflow;
using Agent.Gateway.Tests.Contract.Backend;
using Agent.Gateway.Tests.Contract.Host;

namespace Agent.Gateway.Tests.Contract;

/// <summary>
/// One gateway and one replayed OpenMetadata client on a prefix. <see cref="CreateBackend"/> is the one place that
/// picks what stands behind the routes: swap it for an end-to-end backend and the contract suite runs unchanged.
/// </summary>
internal sealed class ContractSession : IAsyncDisposable
{
    private ContractSession(IGatewayBackend backend, AirflowGatewayHost host, OmClient client)
    {
        Backend = backend;
        Host = host;
        Client = client;
    }

    public IGatewayBackend Backend { get; }

    public AirflowGatewayHost Host { get; }

    public OmClient Client { get; }

    /// <summary>The three prefixes AirflowRESTClient.detectAirflowApiVersion @03fa0ab6 probes (L153, L190, L226).</summary>
    public static TheoryData<string> Prefixes => [.. OpenMetadataRelease.Prefixes];

    public static Func<IGatewayBackend> CreateBackend { get; set; } = () => new ScriptedBackend();

    public static async Task<ContractSession> StartAsync(string prefix)
    {
        var backend = CreateBackend();
        var host = await AirflowGatewayHost.StartAsync(backend);
        return new ContractSession(backend, host, new OmClient(host.Http, prefix, AirflowGatewayHost.Username, AirflowGatewayHost.Password));
    }

    /// <summary>deployPipeline with a fixture; the contract tests that need a deployed DAG start here.</summary>
    public async Task<string> DeployAsync(string fixture = ContractFixtures.MetadataPipeline)
    {
        var body = ContractFixtures.Read(fixture);
        using var response = await Client.PostAsync("deploy", body);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(body).RootElement.GetProperty("name").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
