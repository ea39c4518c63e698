namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/service/status</c>; every field is optional.</summary>
internal sealed record ServiceStatusBody(string? Id, int? TimeoutSeconds, bool? Wait);
