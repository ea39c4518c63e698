using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The control plane as tests, the demo and the REST API drive it: one handle over the parts that each do one job
/// (<see cref="AgentDirectory"/>, <see cref="SeqLedgers"/>, <see cref="RequestBook"/>, <see cref="StatusStore"/>,
/// <see cref="ProtocolIncidents"/>, <see cref="FrameRecorder"/>, <see cref="MisbehaviourSwitches"/>). Sessions talk to
/// the parts directly. Every wait is a signal, never a poll. The parts log under this type's category, as the
/// emulator did before it was split, so log filters keep working.
/// </summary>
internal sealed class ControlPlaneServer(
    IOptions<ControlPlaneOptions> options,
    ControlPlaneStats stats,
    AgentDirectory agents,
    SeqLedgers ledgers,
    RequestBook requests,
    StatusStore statuses,
    ProtocolIncidents incidents,
    FrameRecorder frames,
    MisbehaviourSwitches misbehaviour)
{
    public ControlPlaneOptions Options { get; } = options.Value;

    public ControlPlaneStats Stats { get; } = stats;

    /// <summary>Completes when <paramref name="agentId"/> has a session that was sent <c>welcome</c>.</summary>
    public Task<AgentConnection> WaitForAgentAsync(string agentId, CancellationToken cancellationToken) =>
        agents.Get(agentId).WaitForWelcomeAsync(cancellationToken);

    /// <summary>Completes when the agent's current session (if any) has fully ended.</summary>
    public Task WaitForDisconnectAsync(string agentId, CancellationToken cancellationToken) =>
        agents.Get(agentId).Session?.Completion.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>The close code of the agent's own close frame on its latest session (e.g. 1001 on shutdown); null if it sent none.</summary>
    public int? GetAgentCloseCode(string agentId) => agents.Get(agentId).LastAgentCloseCode;

    public bool IsConnected(string agentId) => agents.IsConnected(agentId);

    /// <summary>True once the agent has opened a session, successful or not; the REST API answers 404 otherwise.</summary>
    public bool IsKnown(string agentId) => agents.IsKnown(agentId);

    public IReadOnlyList<AgentSnapshot> GetAgents() => [.. agents.Known().Select(agent => AgentSnapshot.From(agent, ledgers.HighWaterOf(agent)))];

    public long GetAckedSeq(string instanceId) => ledgers.HighWater(instanceId);

    /// <summary>The headers of the agent's latest upgrade request, so tests can check what the agent sends.</summary>
    public HandshakeHeaders? GetHandshake(string agentId) => agents.GetHandshake(agentId);

    internal AgentState GetAgent(string agentId) => agents.Get(agentId);

    /// <summary>The agent's recent text frames, raw, in the order they crossed the socket; both ways unless filtered.</summary>
    public IReadOnlyList<RecordedFrame> GetFrames(string agentId, FrameDirection? direction = null) => frames.Get(agentId, direction);

    /// <summary>Completes with the first frame of <paramref name="type"/> that went the given way, already recorded or still to come.</summary>
    public Task<RecordedFrame> WaitForFrameAsync(string agentId, FrameDirection direction, string type, CancellationToken cancellationToken) =>
        WaitForFrameAsync(agentId, frame => frame.Direction == direction && frame.Type == type, cancellationToken);

    /// <summary>Completes with the first frame of the agent that matches, already recorded or still to come.</summary>
    public Task<RecordedFrame> WaitForFrameAsync(string agentId, Func<RecordedFrame, bool> match, CancellationToken cancellationToken) =>
        frames.WaitForAsync(agentId, match, cancellationToken);

    /// <inheritdoc cref="MisbehaviourSwitches.Drop"/>
    public bool Drop(string agentId) => misbehaviour.Drop(agentId);

    /// <inheritdoc cref="MisbehaviourSwitches.CloseAsync"/>
    public Task<bool> CloseAsync(string agentId, int code, string? reason = null) => misbehaviour.CloseAsync(agentId, code, reason);

    /// <inheritdoc cref="MisbehaviourSwitches.SetSilent"/>
    public void SetSilent(string agentId, bool enabled) => misbehaviour.SetSilent(agentId, enabled);

    /// <inheritdoc cref="MisbehaviourSwitches.SetWithholdAcksAsync"/>
    public Task SetWithholdAcksAsync(string agentId, bool enabled) => misbehaviour.SetWithholdAcksAsync(agentId, enabled);

    /// <inheritdoc cref="MisbehaviourSwitches.SendGarbageTextAsync"/>
    public Task<bool> SendGarbageTextAsync(string agentId, string text) => misbehaviour.SendGarbageTextAsync(agentId, text);

    /// <inheritdoc cref="MisbehaviourSwitches.SendGarbageBinaryAsync"/>
    public Task<bool> SendGarbageBinaryAsync(string agentId, int byteCount) => misbehaviour.SendGarbageBinaryAsync(agentId, byteCount);

    /// <inheritdoc cref="MisbehaviourSwitches.Refuse"/>
    public void Refuse(string agentId, int code) => misbehaviour.Refuse(agentId, code);

    /// <inheritdoc cref="StatusStore.WaitForAsync"/>
    public Task<ReceivedStatus> WaitForStatusAsync(Func<RunStatusPayload, bool> match, CancellationToken cancellationToken) =>
        statuses.WaitForAsync(match, cancellationToken);

    /// <inheritdoc cref="StatusStore.Get"/>
    public IReadOnlyList<ReceivedStatus> GetStatuses(string? agentId = null, string? pipelineFqn = null, string? runId = null) =>
        statuses.Get(agentId, pipelineFqn, runId);

    /// <inheritdoc cref="StatusStore.GetReconciled"/>
    public IReadOnlyList<ReceivedStatus> GetReconciled(string? agentId = null, string? runId = null) => statuses.GetReconciled(agentId, runId);

    public IReadOnlyList<ReceivedError> GetErrors() => incidents.GetErrors();

    public IReadOnlyList<ProtocolViolation> GetViolations() => incidents.GetViolations();

    /// <summary>Sends a request and waits for its result; if the agent is away the request waits for it and goes out after the next welcome.</summary>
    public async Task<Envelope> SendRequestAsync(
        string agentId, string type, JsonElement payload, CancellationToken cancellationToken, string? id = null)
    {
        var ticket = await requests.SubmitAsync(agentId, type, payload, id);
        var result = await ticket.WaitAsync(cancellationToken);
        return result.Message;
    }

    /// <inheritdoc cref="RequestBook.SubmitAsync"/>
    public Task<RequestTicket> SubmitAsync(string agentId, string type, JsonElement payload, string? id = null) =>
        requests.SubmitAsync(agentId, type, payload, id);

    public RequestSnapshot? GetRequest(string id) => requests.GetSnapshot(id);

    /// <inheritdoc cref="RequestBook.WaitForResultAsync"/>
    public Task<ReceivedResult> WaitForResultAsync(string requestId, CancellationToken cancellationToken) =>
        requests.WaitForResultAsync(requestId, cancellationToken);
}
