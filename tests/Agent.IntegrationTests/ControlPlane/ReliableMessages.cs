using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>Puts <c>run.status</c> messages into the agent's outbox the way its run reporter does, for tests of delivery alone.</summary>
internal static class ReliableMessages
{
    public static async Task<long> EnqueueStatusAsync(AgentApplication agent, string runId, CancellationToken cancellationToken)
    {
        var payload = new RunStatusPayload(
            "reliability.pipeline", runId, "wf-" + runId, PipelineStates.Running, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();
        var message = await outbox.EnqueueAsync(
            MessageTypes.RunStatus, JsonSerializer.SerializeToElement(payload, ProtocolJsonContext.Default.RunStatusPayload), null, cancellationToken);
        return message.Seq!.Value;
    }

    public static ResultPayload Result(Envelope message) => message.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
}
