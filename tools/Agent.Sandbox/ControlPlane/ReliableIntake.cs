using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Takes each reliable message (<c>result</c> or <c>run.status</c>) the seq ledger has not seen before: a result goes
/// to the request it answers, a status to the store.
/// </summary>
internal sealed class ReliableIntake(
    RequestBook requests, RunReconciler reconciler, StatusStore statuses, ProtocolIncidents incidents, ControlPlaneStats stats, TimeProvider time)
{
    public void Record(AgentSession session, Envelope message)
    {
        if (message.Type == MessageTypes.Result)
        {
            if (requests.RecordResult(session, message) is { Envelope.Type: MessageTypes.RunsReconcile })
            {
                reconciler.Fold(session, message);
            }

            return;
        }

        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.RunStatusPayload, out var status, out var reason))
        {
            incidents.RecordViolation(session, reason);
            return;
        }

        stats.StatusReceived();
        statuses.Add(new ReceivedStatus(session.Agent.AgentId, session.Hello!.InstanceId, message.Seq, time.GetUtcNow(), status));
    }
}
