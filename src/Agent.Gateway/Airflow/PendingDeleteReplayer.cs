using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;

namespace Agent.Gateway.Airflow;

/// <summary>
/// Replays the deletes OpenMetadata made while an agent was away (DeleteHandler marked them DeletePending) as soon as
/// that agent is welcomed, so a deleted pipeline's schedule does not keep running on it.
/// </summary>
internal sealed class PendingDeleteReplayer(
    IConnectedAgents connected, IPipelineBook pipelines, IAgentLink link, AirflowApiSettings settings, ILogger<PendingDeleteReplayer> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connected.AgentWelcomed += ReplayAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        connected.AgentWelcomed -= ReplayAsync;
        return Task.CompletedTask;
    }

    public async Task ReplayAsync(string agentId, CancellationToken cancellationToken)
    {
        foreach (var pipeline in await pipelines.PendingDeletesAsync(agentId, cancellationToken))
        {
            var payload = System.Text.Json.JsonSerializer.SerializeToElement(new PipelineFqnRequest(pipeline.PipelineFqn), ProtocolJsonContext.Default.PipelineFqnRequest);
            var reply = await link.SendAsync(agentId, MessageTypes.PipelineDelete, payload, settings.RequestTimeout, cancellationToken);
            if (AgentOutcome.Failure(reply, agentId, "delete the pipeline") is null)
            {
                await pipelines.RemoveAsync(pipeline.DagId, cancellationToken);
                logger.DeleteReplayed(pipeline.DagId, agentId);
            }
            else
            {
                logger.DeleteReplayFailed(pipeline.DagId, agentId, reply.Problem ?? reply.Result?.Reason ?? "no reason given");
            }
        }
    }
}
