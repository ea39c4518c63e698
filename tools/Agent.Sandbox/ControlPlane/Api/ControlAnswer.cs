namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>What a control route did; <see cref="Applied"/> is false when it needed a live session and there was none.</summary>
internal sealed record ControlAnswer(string AgentId, string Action, bool Applied);
