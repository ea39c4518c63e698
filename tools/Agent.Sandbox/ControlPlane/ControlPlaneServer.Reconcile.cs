using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The recovery contract of protocol §7.1, as a control plane keeps it: when an agent comes back as a new instance
/// (its outbox died with the old one), ask it with <c>runs.reconcile</c> for the runs that ended since shortly before
/// it was last heard, and take each final state it did not have yet, once.
/// </summary>
internal sealed partial class ControlPlaneServer
{
    /// <summary>
    /// How far before the last message of the old instance <c>since</c> reaches: clock skew between this server and
    /// the cluster (end times are Argo's), and reports the old instance held unacknowledged when it was last heard.
    /// </summary>
    public static readonly TimeSpan ReconcileMargin = TimeSpan.FromMinutes(10);

    private readonly List<ReceivedStatus> reconciled = [];

    /// <summary>Final states learnt from <c>runs.reconcile</c> answers that no <c>run.status</c> or earlier answer had given.</summary>
    public IReadOnlyList<ReceivedStatus> GetReconciled(string? agentId = null, string? runId = null)
    {
        lock (recordsGate)
        {
            return [.. reconciled.Where(s => (agentId is null || s.AgentId == agentId) && (runId is null || s.Status.RunId == runId))];
        }
    }

    /// <summary>A <c>runs.reconcile</c> to send after the welcome when <paramref name="hello"/> is a new instance of a known agent.</summary>
    private PendingRequest? ReconcileRequest(AgentState agent, HelloPayload hello)
    {
        if (!Options.ReconcileAfterRestart || agent.LastHello is not { } previous || previous.InstanceId == hello.InstanceId || agent.LastHeardAt is not { } heard)
        {
            return null;
        }

        // Runs this server still holds as active ended after they were created, so since reaches back to the oldest.
        var oldestActive = OldestActiveRun(agent.AgentId);
        var since = Math.Min((heard - ReconcileMargin).ToUnixTimeMilliseconds(), oldestActive ?? long.MaxValue);
        var envelope = MessageCodec.Create(
            MessageTypes.RunsReconcile, Api.RequestPayloads.RunsReconcile(since), ProtocolJsonContext.Default.JsonElement, time.GetUtcNow());
        var request = requests.GetOrAdd(envelope.Id, _ => new PendingRequest(agent.AgentId, envelope, time.GetUtcNow()));
        agent.Unanswered[request.Id] = request;
        return request;
    }

    private void FoldReconciled(AgentSession session, Envelope message)
    {
        var result = message.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload);
        if (result is not { Ok: true, Data: { } data } || data.Deserialize(ProtocolJsonContext.Default.RunsReconcileData) is not { } answer)
        {
            return;
        }

        lock (recordsGate)
        {
            foreach (var run in answer.Runs.Where(run => !HasFinal(session.Agent.AgentId, run.RunId)))
            {
                reconciled.Add(new ReceivedStatus(session.Agent.AgentId, session.Hello!.InstanceId, null, time.GetUtcNow(), run));
            }
        }
    }

    private bool HasFinal(string agentId, string runId) =>
        statuses.Concat(reconciled).Any(s => s.AgentId == agentId && s.Status.RunId == runId && PipelineStates.IsTerminal(s.Status.PipelineState));

    private long? OldestActiveRun(string agentId)
    {
        lock (recordsGate)
        {
            return statuses.Where(s => s.AgentId == agentId)
                .GroupBy(s => s.Status.RunId, StringComparer.Ordinal)
                .Select(run => run.Last().Status)
                .Where(last => !PipelineStates.IsTerminal(last.PipelineState))
                .Select(last => (long?)last.Timestamp)
                .Min();
        }
    }
}
