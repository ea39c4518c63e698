using System.Text.Json;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/pipelines/run</c>; the pipeline object is built from it.</summary>
internal sealed record PipelineRunBody(
    string? FullyQualifiedName,
    string? Name,
    string? PipelineType,
    JsonElement? Config,
    string? RunId,
    string? Id,
    int? TimeoutSeconds,
    bool? Wait);
