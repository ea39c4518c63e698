using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Agents;

internal sealed partial class AgentSession
{
    /// <summary>
    /// Sends a request and waits for the <c>result</c> that answers it, at most <paramref name="wait"/> on the injected
    /// clock. The session closing answers every waiting request as not connected at once.
    /// </summary>
    public async Task<AgentReply> RequestAsync(string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<ResultPayload?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(id, answer))
        {
            return AgentReply.NotConnected(AgentId);
        }

        try
        {
            // The wait starts before the request leaves, so an answer or a clock tick can never come before it.
            var waiting = answer.Task.WaitAsync(wait, _time, cancellationToken);
            if (IsClosing
                || !await EnqueueAsync(new OutgoingFrame(MessageCodec.Create(type, payload, ProtocolJsonContext.Default.JsonElement, _time.GetUtcNow(), id: id))))
            {
                return AgentReply.NotConnected(AgentId);
            }

            return await waiting is { } result ? AgentReply.Answered(result) : AgentReply.NotConnected(AgentId);
        }
        catch (TimeoutException)
        {
            AgentHubLog.RequestTimedOut(_services.Logger, AgentId, type, wait.TotalSeconds);
            return AgentReply.TimedOut(AgentId, wait);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Ends every waiting request as not connected; called once the session is closing, so none is added after.</summary>
    private void FailPending()
    {
        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetResult(null);
        }
    }
}
