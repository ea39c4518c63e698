using System.Collections.Concurrent;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Sessions;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The control plane as agents see it, and the handle tests, the demo and the REST API use to drive it: it
/// admits sessions, keeps the per-instance seq ledgers, routes requests and their results, records what agents
/// send, and switches misbehaviour on and off per agent id. Every wait is a signal, never a poll.
/// </summary>
internal sealed partial class ControlPlaneServer(
    IOptions<ControlPlaneOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, AgentState> agents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReliableLedger> ledgers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HandshakeHeaders> handshakes = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggerFactory.CreateLogger<ControlPlaneServer>();

    public ControlPlaneOptions Options { get; } = options.Value;

    public ControlPlaneStats Stats { get; } = new();

    /// <summary>Completes when <paramref name="agentId"/> has a session that was sent <c>welcome</c>.</summary>
    public Task<AgentConnection> WaitForAgentAsync(string agentId, CancellationToken cancellationToken) =>
        GetAgent(agentId).WaitForWelcomeAsync(cancellationToken);

    /// <summary>Completes when the agent's current session (if any) has fully ended.</summary>
    public Task WaitForDisconnectAsync(string agentId, CancellationToken cancellationToken) =>
        GetAgent(agentId).Session?.Completion.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>The close code of the agent's own close frame on its latest session (e.g. 1001 on shutdown); null if it sent none.</summary>
    public int? GetAgentCloseCode(string agentId) => GetAgent(agentId).LastAgentCloseCode;

    public bool IsConnected(string agentId) => agents.TryGetValue(agentId, out var agent) && agent.Connection is not null;

    /// <summary>True once the agent has opened a session, successful or not; the REST API answers 404 otherwise.</summary>
    public bool IsKnown(string agentId) =>
        agents.TryGetValue(agentId, out var agent) && (agent.LastConnection is not null || agent.Session is not null);

    public IReadOnlyList<AgentSnapshot> GetAgents() =>
        [.. agents.Values.Where(a => a.LastConnection is not null || a.Session is not null)
            .OrderBy(a => a.AgentId, StringComparer.Ordinal)
            .Select(a => AgentSnapshot.From(a, GetAckedSeqOf(a)))];

    public long GetAckedSeq(string instanceId) => ledgers.TryGetValue(instanceId, out var ledger) ? ledger.HighWater : 0;

    /// <summary>The headers of the agent's latest upgrade request, so tests can check what the agent sends.</summary>
    public HandshakeHeaders? GetHandshake(string agentId) => handshakes.TryGetValue(agentId, out var headers) ? headers : null;

    internal void RecordHandshake(string agentId, string? userAgent, string? subProtocol, string? authorization) =>
        handshakes[agentId] = new HandshakeHeaders(userAgent, subProtocol, authorization?.Split(' ', 2)[0], time.GetUtcNow());

    internal AgentState GetAgent(string agentId) => agents.GetOrAdd(agentId, static id => new AgentState(id));

    internal SeqOutcome ProcessSeq(string instanceId, long seq) =>
        ledgers.GetOrAdd(instanceId, static _ => new ReliableLedger()).Process(seq);

    internal AgentSession CreateSession(System.Net.WebSockets.WebSocket socket, string agentId) =>
        new(socket, GetAgent(agentId), this, Options, time, logger);

    /// <summary>Records the handshake and returns the requests the agent has not answered yet, oldest first.</summary>
    internal IEnumerable<PendingRequest> OnWelcomed(AgentSession session, HelloPayload hello)
    {
        var reconcile = ReconcileRequest(session.Agent, hello);
        session.Agent.MarkWelcomed(session, hello, time.GetUtcNow());
        ControlPlaneLog.AgentWelcomed(logger, hello.AgentId, session.SessionId, hello.InstanceId, hello.AgentVersion);
        var missed = session.Agent.Unanswered.Values.Where(r => r != reconcile).OrderBy(r => r.CreatedAt);
        return reconcile is null ? [.. missed] : [reconcile, .. missed];
    }

    internal void OnSessionEnded(AgentSession session) => ControlPlaneLog.SessionEnded(logger, session.Agent.AgentId, session.SessionId);

    internal void RecordHeartbeat(AgentSession session, HeartbeatPayload? heartbeat)
    {
        Stats.HeartbeatReceived();
        session.Agent.RecordHeartbeat(heartbeat, time.GetUtcNow());
    }

    private long GetAckedSeqOf(AgentState agent) =>
        agent.LastHello is { } hello ? GetAckedSeq(hello.InstanceId) : 0;
}
