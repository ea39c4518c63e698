using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Airflow;

/// <summary>
/// delete: AirflowRESTClient.deletePipeline @03fa0ab6 sends <c>DELETE delete?dag_id=</c> when OpenMetadata hard-deletes
/// a pipeline; it does not throw on failure, and the pipeline is gone from OpenMetadata either way. So the gateway
/// always answers 200 and, when the agent cannot delete now, keeps the record as DeletePending: the delete is replayed
/// when the agent connects (PendingDeleteReplayer), and no schedule is left running unowned.
/// </summary>
internal static class DeleteHandler
{
    public static async Task<IResult> DeleteAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        if (!AirflowRequest.TryQueryDagId(request, out var dagId, out var problem))
        {
            return problem;
        }

        var pipeline = await services.FindLiveAsync(dagId, cancellationToken);
        if (pipeline is null)
        {
            // Deleting what does not exist is success (protocol: pipeline.delete).
            return AirflowResults.Message($"DAG {dagId} is not deployed; nothing to delete");
        }

        var reply = await services.SendAsync(pipeline.AgentId, MessageTypes.PipelineDelete, new PipelineFqnRequest(pipeline.PipelineFqn), ProtocolJsonContext.Default.PipelineFqnRequest, services.Settings.RequestTimeout, cancellationToken);
        if (AgentOutcome.Failure(reply, pipeline.AgentId, "delete the pipeline") is not null)
        {
            services.Logger.DeletePending(dagId, pipeline.AgentId, reply.Problem ?? reply.Result?.Reason ?? "no reason given");
            await services.Pipelines.MarkDeletePendingAsync(dagId, cancellationToken);
            return AirflowResults.Message($"DAG {dagId} has been deleted; agent '{pipeline.AgentId}' removes its schedule when it is back");
        }

        await services.Pipelines.RemoveAsync(dagId, cancellationToken);
        return AirflowResults.Message($"DAG {dagId} has been deleted");
    }
}
