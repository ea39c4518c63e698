using System.Text.Json;
using Agent.Gateway.Tests.Contract;
using Agent.Gateway.Tests.Contract.Backend;
using Agent.Gateway.Tests.Contract.Host;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>The gateway with the scripted backend in reach, for tests that set the agents' state and read what they got.</summary>
internal sealed class ScriptedSession : IAsyncDisposable
{
    private ScriptedSession(ScriptedBackend backend, AirflowGatewayHost host)
    {
        Backend = backend;
        Host = host;
        Client = new OmClient(host.Http, "api/v1/openmetadata", AirflowGatewayHost.Username, AirflowGatewayHost.Password);
    }

    public ScriptedBackend Backend { get; }

    public AirflowGatewayHost Host { get; }

    public OmClient Client { get; }

    public static async Task<ScriptedSession> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var backend = new ScriptedBackend();
        return new ScriptedSession(backend, await AirflowGatewayHost.StartAsync(backend, settings));
    }

    public async Task<HttpResponseMessage> DeployAsync(string body) => await Client.PostAsync("deploy", body);

    /// <summary>Deploys the metadata fixture and checks it worked: the start of most error-path tests.</summary>
    public async Task<string> DeployMetadataAsync()
    {
        using var response = await DeployAsync(ContractFixtures.Read(ContractFixtures.MetadataPipeline));
        Assert.Equal(200, (int)response.StatusCode);
        return "mysql_prod_metadata";
    }

    /// <summary>Sends one route the way the client does: a body with dag_id for POSTs, a dag_id query for GETs and DELETE.</summary>
    public Task<HttpResponseMessage> CallAsync(string route, string dagId) => route switch
    {
        "status" => Client.GetAsync($"status?dag_id={dagId}&only_queued=true"),
        "last_dag_logs" => Client.GetAsync($"last_dag_logs?dag_id={dagId}&task_id=ingestion_task"),
        "delete" => Client.DeleteAsync($"delete?dag_id={dagId}"),
        _ => Client.PostAsync(route, new JsonObjectBuilder().Add("dag_id", dagId).Build()),
    };

    public static async Task<string> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
