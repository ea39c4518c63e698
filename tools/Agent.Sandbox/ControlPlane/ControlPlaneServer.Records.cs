using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

internal sealed partial class ControlPlaneServer
{
    private readonly Lock recordsGate = new();
    private readonly List<ReceivedStatus> statuses = [];
    private readonly List<(Func<RunStatusPayload, bool> Match, TaskCompletionSource<ReceivedStatus> Signal)> statusWaiters = [];
    private readonly List<ReceivedError> errors = [];
    private readonly List<ProtocolViolation> violations = [];

    /// <summary>Completes with the first status, already received or still to come, that matches.</summary>
    public Task<ReceivedStatus> WaitForStatusAsync(Func<RunStatusPayload, bool> match, CancellationToken cancellationToken)
    {
        lock (recordsGate)
        {
            var existing = statuses.Find(s => match(s.Status));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<ReceivedStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = (match, signal);
            statusWaiters.Add(waiter);
            cancellationToken.Register(() =>
            {
                lock (recordsGate)
                {
                    statusWaiters.Remove(waiter);
                }

                signal.TrySetCanceled(cancellationToken);
            });
            return signal.Task;
        }
    }

    /// <summary>Every <c>run.status</c> received, in arrival order, optionally filtered.</summary>
    public IReadOnlyList<ReceivedStatus> GetStatuses(string? agentId = null, string? pipelineFqn = null, string? runId = null)
    {
        lock (recordsGate)
        {
            return [.. statuses.Where(s =>
                (agentId is null || s.AgentId == agentId)
                && (pipelineFqn is null || s.Status.PipelineFqn == pipelineFqn)
                && (runId is null || s.Status.RunId == runId))];
        }
    }

    public IReadOnlyList<ReceivedError> GetErrors()
    {
        lock (recordsGate)
        {
            return [.. errors];
        }
    }

    public IReadOnlyList<ProtocolViolation> GetViolations()
    {
        lock (recordsGate)
        {
            return [.. violations];
        }
    }

    internal void RecordViolation(AgentSession session, string reason)
    {
        Stats.ProtocolViolation();
        ControlPlaneLog.Violation(logger, session.Agent.AgentId, reason);
        lock (recordsGate)
        {
            violations.Add(new ProtocolViolation(session.Agent.AgentId, session.SessionId, reason, time.GetUtcNow()));
        }
    }

    internal void RecordError(AgentSession session, Envelope message, string? reason)
    {
        Stats.ErrorReceived();
        ControlPlaneLog.AgentError(logger, session.Agent.AgentId, reason);
        lock (recordsGate)
        {
            errors.Add(new ReceivedError(session.Agent.AgentId, session.SessionId, message.Id, reason, time.GetUtcNow()));
        }
    }

    /// <summary>Records a reliable message the ledger has not seen before.</summary>
    internal void RecordReliable(AgentSession session, Envelope message)
    {
        if (message.Type == MessageTypes.Result)
        {
            RecordResult(session, message);
            return;
        }

        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.RunStatusPayload, out var status, out var reason))
        {
            RecordViolation(session, reason);
            return;
        }

        Stats.StatusReceived();
        var received = new ReceivedStatus(session.Agent.AgentId, session.Hello!.InstanceId, message.Seq, time.GetUtcNow(), status);
        List<TaskCompletionSource<ReceivedStatus>> matched = [];
        lock (recordsGate)
        {
            statuses.Add(received);
            for (var i = statusWaiters.Count - 1; i >= 0; i--)
            {
                if (statusWaiters[i].Match(status))
                {
                    matched.Add(statusWaiters[i].Signal);
                    statusWaiters.RemoveAt(i);
                }
            }
        }

        matched.ForEach(signal => signal.TrySetResult(received));
    }
}
