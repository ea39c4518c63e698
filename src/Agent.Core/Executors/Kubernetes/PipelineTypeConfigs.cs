using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>The operator's per-pipeline-type pod spec settings (<see cref="KubernetesOptions.PipelineTypeConfigs"/>), parsed once.</summary>
internal sealed class PipelineTypeConfigs(IReadOnlyDictionary<string, JsonObject> byType)
{
    public static PipelineTypeConfigs Empty { get; } = new(new Dictionary<string, JsonObject>());

    /// <summary>The settings for <paramref name="pipelineType"/>, or null.</summary>
    public JsonObject? For(string pipelineType) => byType.GetValueOrDefault(pipelineType);

    /// <summary>Empty text (the chart renders <c>""</c> by default) is no settings; anything else must be an object of objects.</summary>
    public static PipelineTypeConfigs Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the value is not a JSON object");
        var byType = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (type, settings) in root)
        {
            byType[type] = settings as JsonObject ?? throw new JsonException($"the value of '{type}' is not a JSON object");
        }

        return new PipelineTypeConfigs(byType);
    }
}
