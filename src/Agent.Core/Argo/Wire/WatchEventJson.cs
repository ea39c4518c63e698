using System.Text.Json.Serialization;

namespace Agent.Core.Argo.Wire;

public sealed record WatchEventJson(string? Type, [property: JsonPropertyName("object")] WorkflowJson? Workflow);
