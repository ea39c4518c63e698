using System.Collections.Concurrent;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Every request sent (or waiting to be sent) to an agent, keyed by envelope id, and the correlation of each
/// <c>result</c> to its request by <c>replyTo</c>.
/// </summary>
internal sealed class RequestBook(
    AgentDirectory agents, ProtocolIncidents incidents, ControlPlaneStats stats, TimeProvider time, ILogger<ControlPlaneServer> logger)
{
    private readonly ConcurrentDictionary<string, PendingRequest> _requests = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers a request and sends it if the agent is welcomed. Submitting an id that exists sends the original
    /// envelope again with the same id, which is how tests check that the agent answers a repeat without running it twice.
    /// </summary>
    public async Task<RequestTicket> SubmitAsync(string agentId, string type, JsonElement payload, string? id)
    {
        var agent = agents.Get(agentId);
        var envelope = MessageCodec.Create(type, payload, ProtocolJsonContext.Default.JsonElement, time.GetUtcNow(), id: id);
        var request = _requests.GetOrAdd(envelope.Id, _ => new PendingRequest(agentId, envelope, time.GetUtcNow()));
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

    /// <summary>Registers a request of the emulator's own (a new envelope id) as unanswered by the agent, without sending it.</summary>
    public PendingRequest Add(AgentState agent, Envelope envelope)
    {
        var request = _requests.GetOrAdd(envelope.Id, _ => new PendingRequest(agent.AgentId, envelope, time.GetUtcNow()));
        agent.Unanswered[request.Id] = request;
        return request;
    }

    public RequestSnapshot? GetSnapshot(string id) => _requests.TryGetValue(id, out var request) ? request.Snapshot() : null;

    /// <summary>Waits for the first result of a request submitted earlier.</summary>
    public Task<ReceivedResult> WaitForResultAsync(string requestId, CancellationToken cancellationToken) =>
        _requests.TryGetValue(requestId, out var request)
            ? request.WaitForAnswerAsync(0, cancellationToken)
            : Task.FromException<ReceivedResult>(new KeyNotFoundException($"no request {requestId}"));

    public void RecordSent(AgentSession session, PendingRequest request)
    {
        stats.RequestSent();
        ControlPlaneLog.RequestSent(logger, request.Id, request.Envelope.Type, session.Agent.AgentId, session.SessionId);
    }

    /// <summary>Hands a <c>result</c> to the request it answers; null (and a violation) when it answers none.</summary>
    public PendingRequest? RecordResult(AgentSession session, Envelope message)
    {
        stats.ResultReceived();
        if (message.ReplyTo is null || !_requests.TryGetValue(message.ReplyTo, out var request))
        {
            incidents.RecordViolation(session, $"result {message.Id} answers no known request ({message.ReplyTo ?? "no replyTo"})");
            return null;
        }

        request.AddAnswer(new ReceivedResult(request.Id, session.SessionId, time.GetUtcNow(), message), () =>
        {
            stats.DuplicateAnswer();
            ControlPlaneLog.DuplicateAnswer(logger, request.Id, session.Agent.AgentId);
        });

        if (!request.IsOutstanding)
        {
            agents.Get(request.AgentId).Unanswered.TryRemove(request.Id, out _);
        }

        return request;
    }
}
