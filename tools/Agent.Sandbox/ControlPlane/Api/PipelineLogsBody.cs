namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/pipelines/logs</c>.</summary>
internal sealed record PipelineLogsBody(string? PipelineFqn, string? RunId, string? After, string? Id, int? TimeoutSeconds, bool? Wait);
