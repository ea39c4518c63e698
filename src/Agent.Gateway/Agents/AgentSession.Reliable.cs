using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Agents;

internal sealed partial class AgentSession
{
    /// <summary>The highest <c>seq</c> of this instance processed; read and written by the reader loop only.</summary>
    private long _ackedSeq;

    /// <summary>
    /// Protocol §4: each <c>seq</c> of an instance is processed once, then acknowledged cumulatively; a resent one is
    /// acknowledged without being processed again. The ledger advances before the ack, so a gateway restart (or
    /// another replica) never processes an acknowledged message twice.
    /// </summary>
    private async Task HandleReliableAsync(Envelope message)
    {
        if (message.Seq is not { } seq)
        {
            await ProcessAsync(message);
            return;
        }

        if (seq > _ackedSeq)
        {
            await ProcessAsync(message);
            await _services.Ledger.AdvanceAsync(AgentId, _hello!.InstanceId, seq, _lifetime.Token);
            _ackedSeq = seq;
        }

        await SendAsync(MessageTypes.Ack, new AckPayload(_ackedSeq), ProtocolJsonContext.Default.AckPayload);
    }

    /// <summary>
    /// Records a <c>run.status</c> or hands a <c>result</c> to the request waiting for it. An unreadable payload is
    /// answered with an error and still counts as processed: resending the same bytes cannot make it readable.
    /// </summary>
    private async Task ProcessAsync(Envelope message)
    {
        if (message.Type == MessageTypes.RunStatus)
        {
            if (PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.RunStatusPayload, out var status, out var statusProblem))
            {
                await _services.Runs.RecordAsync(AgentId, status, _lifetime.Token);
            }
            else
            {
                await SendErrorAsync(statusProblem, message.Id);
            }

            return;
        }

        if (message.ReplyTo is null)
        {
            await SendErrorAsync("result without replyTo", message.Id);
            return;
        }

        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.ResultPayload, out var result, out var resultProblem))
        {
            await SendErrorAsync(resultProblem, message.Id);
            return;
        }

        if (_pending.TryRemove(message.ReplyTo, out var waiting))
        {
            waiting.TrySetResult(result);
        }
        else
        {
            AgentHubLog.ResultWithoutRequest(_services.Logger, AgentId, message.ReplyTo);
        }
    }

    /// <summary>Protocol §6: every heartbeat is answered, with its id, so the agent can measure the round trip.</summary>
    private async Task HandleHeartbeatAsync(Envelope message)
    {
        if (PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.HeartbeatPayload, out var heartbeat, out _))
        {
            Volatile.Write(ref _inFlightRuns, heartbeat.InFlightRuns);
        }

        await SendAsync(MessageTypes.HeartbeatAck, new Dictionary<string, string>(), ProtocolJsonContext.Default.DictionaryStringString, message.Id);
    }
}
