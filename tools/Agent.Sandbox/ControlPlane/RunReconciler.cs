using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Sessions;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The recovery contract of protocol §7.1, as a control plane keeps it: when an agent comes back as a new instance
/// (its outbox died with the old one), ask it with <c>runs.reconcile</c> for the runs that ended since shortly before
/// it was last heard, and take each final state it did not have yet, once.
/// </summary>
internal sealed class RunReconciler(IOptions<ControlPlaneOptions> options, RequestBook requests, StatusStore statuses, TimeProvider time)
{
    /// <summary>
    /// How far before the last message of the old instance <c>since</c> reaches: clock skew between this server and
    /// the cluster (end times are Argo's), and reports the old instance held unacknowledged when it was last heard.
    /// </summary>
    public static readonly TimeSpan ReconcileMargin = TimeSpan.FromMinutes(10);

    /// <summary>A <c>runs.reconcile</c> to send after the welcome when <paramref name="hello"/> is a new instance of a known agent.</summary>
    public PendingRequest? RequestFor(AgentState agent, HelloPayload hello)
    {
        if (!options.Value.ReconcileAfterRestart || agent.LastHello is not { } previous || previous.InstanceId == hello.InstanceId || agent.LastHeardAt is not { } heard)
        {
            return null;
        }

        // Runs this server still holds as active ended after they were created, so since reaches back to the oldest.
        var oldestActive = statuses.OldestActiveRun(agent.AgentId);
        var since = Math.Min((heard - ReconcileMargin).ToUnixTimeMilliseconds(), oldestActive ?? long.MaxValue);
        var envelope = MessageCodec.Create(
            MessageTypes.RunsReconcile, Api.RequestPayloads.RunsReconcile(since), ProtocolJsonContext.Default.JsonElement, time.GetUtcNow());
        return requests.Add(agent, envelope);
    }

    /// <summary>Takes the final states of a successful <c>runs.reconcile</c> answer; anything else carries none.</summary>
    public void Fold(AgentSession session, Envelope message)
    {
        var result = message.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload);
        if (result is not { Ok: true, Data: { } data } || data.Deserialize(ProtocolJsonContext.Default.RunsReconcileData) is not { } answer)
        {
            return;
        }

        statuses.AddReconciled(session.Agent.AgentId, session.Hello!.InstanceId, answer.Runs, time.GetUtcNow());
    }
}
