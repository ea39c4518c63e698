using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Agent.Gateway.Agents;
using Agent.Gateway.Configs;
using Agent.Gateway.Routing;
using Agent.Gateway.Store;

namespace Agent.Gateway.Airflow;

/// <summary>What the Airflow handlers use, bundled so each handler takes one parameter besides the request.</summary>
internal sealed class AirflowServices(
    IAgentLink link,
    IAgentRouter router,
    IPipelineBook pipelines,
    IRunBook runs,
    IPayloadProtector protector,
    IRunConfigBuilder configs,
    IConnectedAgents connected,
    AirflowApiSettings settings,
    TimeProvider time,
    ILogger<AirflowServices> logger)
{
    public IAgentLink Link { get; } = link;

    public IAgentRouter Router { get; } = router;

    public IPipelineBook Pipelines { get; } = pipelines;

    public IRunBook Runs { get; } = runs;

    public IPayloadProtector Protector { get; } = protector;

    public IRunConfigBuilder Configs { get; } = configs;

    public IConnectedAgents Connected { get; } = connected;

    public AirflowApiSettings Settings { get; } = settings;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    /// <summary>Sends one protocol request (Agent.Core's records, serialised with its context) to an agent.</summary>
    public Task<AgentReply> SendAsync<T>(string agentId, string type, T payload, JsonTypeInfo<T> payloadType, TimeSpan wait, CancellationToken cancellationToken) =>
        Link.SendAsync(agentId, type, JsonSerializer.SerializeToElement(payload, payloadType), wait, cancellationToken);

    /// <summary>The deployed pipeline behind a dag_id; one whose delete waits for its agent is gone for OpenMetadata.</summary>
    public async Task<DeployedPipeline?> FindLiveAsync(string dagId, CancellationToken cancellationToken) =>
        await Pipelines.FindAsync(dagId, cancellationToken) is { DeletePending: false } pipeline ? pipeline : null;

    /// <summary>The live pipeline named by the body's <c>dag_id</c> (trigger, kill, enable, disable), or the answer when there is none.</summary>
    public async Task<(DeployedPipeline? Pipeline, JsonElement Body, IResult? Problem)> PipelineFromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (dagId, body, problem) = await AirflowRequest.ReadDagIdAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, body, problem);
        }

        var pipeline = await FindLiveAsync(dagId!, cancellationToken);
        return pipeline is null ? (null, body, AirflowResults.DagNotFound(dagId!)) : (pipeline, body, null);
    }
}
