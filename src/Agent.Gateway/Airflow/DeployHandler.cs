using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Configs;
using Agent.Gateway.Store;

namespace Agent.Gateway.Airflow;

/// <summary>
/// deploy: AirflowRESTClient.deployPipeline @03fa0ab6 posts the whole IngestionPipeline (buildDeployPayload:
/// <c>JsonUtils.pojoToJson</c>), and on 200 sets <c>deployed=true</c>; any other code throws with our body in the text.
/// </summary>
internal static class DeployHandler
{
    public static async Task<IResult> DeployAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await AirflowRequest.ReadObjectAsync(request, cancellationToken);
        if (problem is not null
            || !AirflowRequest.TryString(body, "name", out var name, out problem)
            || !AirflowRequest.TryString(body, "pipelineType", out var pipelineType, out problem)
            || !AirflowRequest.TryString(body, "fullyQualifiedName", out var pipelineFqn, out problem)
            || !AirflowRequest.TryString(body, "service.fullyQualifiedName", out var serviceFqn, out problem))
        {
            return problem;
        }

        var dagId = DagIds.Clean(name);
        var agentId = services.Router.ForService(serviceFqn).AgentId;
        if (agentId is null)
        {
            return AirflowResults.Error(StatusCodes.Status500InternalServerError,
                $"no agent runs pipelines of service '{serviceFqn}': add a route for it, or a defaultAgent, to GATEWAY_AGENTS_FILE");
        }

        var previous = await services.Pipelines.FindAsync(dagId, cancellationToken);
        if (previous is not null && previous.PipelineFqn != pipelineFqn)
        {
            return Conflict(dagId, previous);
        }

        BuiltPipeline built;
        try
        {
            built = await services.Configs.BuildAsync(body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its text may quote the payload.
            services.Logger.ConfigBuildFailed(dagId, ex.GetType().Name);
            return AirflowResults.Error(StatusCodes.Status500InternalServerError, $"the workflow config of '{dagId}' could not be built: {ex.Message}");
        }

        var wait = services.Settings.DeployTimeout;
        var deploy = new PipelineDeployRequest(built.Pipeline, JsonSerializer.SerializeToElement(RunConfigText.Render(built.Config, runId: null), ProtocolJsonContext.Default.String));
        var reply = await services.SendAsync(agentId, MessageTypes.PipelineDeploy, deploy, ProtocolJsonContext.Default.PipelineDeployRequest, wait, cancellationToken);
        if (AgentOutcome.Failure(reply, agentId, "deploy the pipeline") is { } failure)
        {
            services.Logger.AgentFailed("deploy", dagId, agentId, reply.Result?.Code ?? StatusCodes.Status503ServiceUnavailable);
            return failure;
        }

        var record = new DeployedPipeline(
            dagId, pipelineFqn, serviceFqn, pipelineType, agentId, built.Pipeline.Enabled,
            services.Protector.Protect(body.GetRawText()),
            services.Protector.Protect(built.Config.ToJsonString()),
            services.Time.GetUtcNow());
        var save = await services.Pipelines.SaveAsync(record, cancellationToken);
        if (!save.Saved)
        {
            // Another deploy took the dag_id between the check above and this save.
            return Conflict(dagId, save.Holder);
        }

        services.Logger.Deployed(dagId, pipelineFqn, agentId);
        if (previous is not null && previous.AgentId != agentId)
        {
            await DeleteFromOldAgentAsync(services, previous, agentId, cancellationToken);
        }

        return AirflowResults.Message($"Workflow [{dagId}] has been created");
    }

    private static IResult Conflict(string dagId, DeployedPipeline? holder) =>
        AirflowResults.Error(StatusCodes.Status409Conflict,
            $"DAG {dagId} is already deployed for pipeline '{holder?.PipelineFqn}'; pipeline names must stay unique across services");

    /// <summary>A pipeline whose service now routes elsewhere must not keep its schedule on the agent it left.</summary>
    private static async Task DeleteFromOldAgentAsync(AirflowServices services, DeployedPipeline previous, string agentId, CancellationToken cancellationToken)
    {
        var reply = await services.SendAsync(
            previous.AgentId, MessageTypes.PipelineDelete, new PipelineFqnRequest(previous.PipelineFqn),
            ProtocolJsonContext.Default.PipelineFqnRequest, services.Settings.RequestTimeout, cancellationToken);
        if (AgentOutcome.Failure(reply, previous.AgentId, "delete the pipeline") is not null)
        {
            services.Logger.MovedPipelineNotDeleted(previous.DagId, previous.AgentId, agentId, reply.Problem ?? reply.Result?.Reason ?? "no reason given");
        }
    }
}
