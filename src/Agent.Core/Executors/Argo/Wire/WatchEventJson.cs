using System.Text.Json.Serialization;

namespace Agent.Core.Executors.Argo.Wire;

internal sealed record WatchEventJson(string? Type, [property: JsonPropertyName("object")] WorkflowJson? Workflow);
