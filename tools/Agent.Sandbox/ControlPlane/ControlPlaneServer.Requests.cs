using System.Collections.Concurrent;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

internal sealed partial class ControlPlaneServer
{
    private readonly ConcurrentDictionary<string, PendingRequest> requests = new(StringComparer.Ordinal);

    /// <summary>Sends a request and waits for its result; if the agent is away the request waits for it and goes out after the next welcome.</summary>
    public async Task<Envelope> SendRequestAsync(
        string agentId, string type, JsonElement payload, CancellationToken cancellationToken, string? id = null)
    {
        var ticket = await SubmitAsync(agentId, type, payload, id);
        var result = await ticket.WaitAsync(cancellationToken);
        return result.Message;
    }

    /// <summary>
    /// Registers a request and sends it if the agent is welcomed. Submitting an id that exists sends the original
    /// envelope again with the same id, which is how tests check that the agent answers a repeat without running it twice.
    /// </summary>
    public async Task<RequestTicket> SubmitAsync(string agentId, string type, JsonElement payload, string? id = null)
    {
        var agent = GetAgent(agentId);
        var envelope = MessageCodec.Create(type, payload, ProtocolJsonContext.Default.JsonElement, time.GetUtcNow(), id: id);
        var request = requests.GetOrAdd(envelope.Id, _ => new PendingRequest(agentId, envelope, time.GetUtcNow()));
        if (request.AgentId != agentId)
        {
            throw new InvalidOperationException($"request {request.Id} belongs to agent {request.AgentId}");
        }

        var ordinal = ReferenceEquals(request.Envelope, envelope) ? 0 : request.Resubmit();
        agent.Unanswered[request.Id] = request;

        // Registered before the session is read: a welcome racing with this call either sees the request or is seen here.
        if (agent.WelcomedSession is { } session)
        {
            await session.SendRequestAsync(request);
        }

        return new RequestTicket(request, ordinal);
    }

    public RequestSnapshot? GetRequest(string id) => requests.TryGetValue(id, out var request) ? request.Snapshot() : null;

    /// <summary>Waits for the first result of a request submitted earlier.</summary>
    public Task<ReceivedResult> WaitForResultAsync(string requestId, CancellationToken cancellationToken) =>
        requests.TryGetValue(requestId, out var request)
            ? request.WaitForAnswerAsync(0, cancellationToken)
            : Task.FromException<ReceivedResult>(new KeyNotFoundException($"no request {requestId}"));

    internal void OnRequestSent(AgentSession session, PendingRequest request)
    {
        Stats.RequestSent();
        ControlPlaneLog.RequestSent(logger, request.Id, request.Envelope.Type, session.Agent.AgentId, session.SessionId);
    }

    private void RecordResult(AgentSession session, Envelope message)
    {
        Stats.ResultReceived();
        if (message.ReplyTo is null || !requests.TryGetValue(message.ReplyTo, out var request))
        {
            RecordViolation(session, $"result {message.Id} answers no known request ({message.ReplyTo ?? "no replyTo"})");
            return;
        }

        request.AddAnswer(new ReceivedResult(request.Id, session.SessionId, time.GetUtcNow(), message), () =>
        {
            Stats.DuplicateAnswer();
            ControlPlaneLog.DuplicateAnswer(logger, request.Id, session.Agent.AgentId);
        });

        if (!request.IsOutstanding)
        {
            GetAgent(request.AgentId).Unanswered.TryRemove(request.Id, out _);
        }

        if (request.Envelope.Type == MessageTypes.RunsReconcile)
        {
            FoldReconciled(session, message);
        }
    }
}
