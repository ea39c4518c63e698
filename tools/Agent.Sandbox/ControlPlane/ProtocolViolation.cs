namespace Agent.Sandbox.ControlPlane;

/// <summary>Something an agent did that the protocol forbids, recorded for the agent's tests to assert on.</summary>
internal sealed record ProtocolViolation(string AgentId, string? SessionId, string Reason, DateTimeOffset At);
