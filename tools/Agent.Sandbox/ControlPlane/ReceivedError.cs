namespace Agent.Sandbox.ControlPlane;

/// <summary>An <c>error</c> message sent by an agent.</summary>
internal sealed record ReceivedError(string AgentId, string SessionId, string MessageId, string? Reason, DateTimeOffset ReceivedAt);
