using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>Small readers over the deploy payload (an IngestionPipeline as <c>JsonUtils.pojoToJson</c> wrote it).</summary>
internal static class PayloadJson
{
    public static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? child
            : null;

    public static string? String(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static int? Int(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public static string RequiredString(JsonElement element, string name, string path) =>
        String(element, name) is { Length: > 0 } value
            ? value
            : throw new RunConfigException($"the deploy payload has no {path}");

    /// <summary>A detached copy of <paramref name="element"/> for the config tree, or null for a missing or null value.</summary>
    public static JsonNode? Copy(JsonElement? element) =>
        element is { } value ? JsonNode.Parse(value.GetRawText()) : null;
}
