using System.Collections.Concurrent;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Every agent id the emulator has met, with its state, and the headers of its latest upgrade request. An id gets
/// its state on first mention (a test may silence or refuse an agent before it ever connects).
/// </summary>
internal sealed class AgentDirectory(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AgentState> _agents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HandshakeHeaders> _handshakes = new(StringComparer.Ordinal);

    public AgentState Get(string agentId) => _agents.GetOrAdd(agentId, static id => new AgentState(id));

    public bool IsConnected(string agentId) => _agents.TryGetValue(agentId, out var agent) && agent.Connection is not null;

    /// <summary>True once the agent has opened a session, successful or not.</summary>
    public bool IsKnown(string agentId) => _agents.TryGetValue(agentId, out var agent) && HasConnected(agent);

    /// <summary>The agents that have opened a session, successful or not, ordered by id.</summary>
    public IEnumerable<AgentState> Known() =>
        _agents.Values.Where(HasConnected).OrderBy(agent => agent.AgentId, StringComparer.Ordinal);

    public void RecordHandshake(string agentId, string? userAgent, string? subProtocol, string? authorization) =>
        _handshakes[agentId] = new HandshakeHeaders(userAgent, subProtocol, authorization?.Split(' ', 2)[0], time.GetUtcNow());

    public HandshakeHeaders? GetHandshake(string agentId) => _handshakes.TryGetValue(agentId, out var headers) ? headers : null;

    private static bool HasConnected(AgentState agent) => agent.LastConnection is not null || agent.Session is not null;
}
