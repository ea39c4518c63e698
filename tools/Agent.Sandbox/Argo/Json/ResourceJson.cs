using System.Globalization;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Json;

/// <summary>Reads and writes the few well-known fields of a stored Argo resource kept as a <see cref="JsonObject"/>.</summary>
internal static class ResourceJson
{
    public static JsonObject Metadata(JsonObject resource) => Child(resource, "metadata");

    public static string Name(JsonObject resource) => StringAt(resource["metadata"], "name") ?? "";

    public static string Namespace(JsonObject resource) => StringAt(resource["metadata"], "namespace") ?? "";

    public static string CreationTimestamp(JsonObject resource) =>
        StringAt(resource["metadata"], "creationTimestamp") ?? "";

    public static long ResourceVersion(JsonObject resource) =>
        long.TryParse(StringAt(resource["metadata"], "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;

    public static string Phase(JsonObject resource) => StringAt(resource["status"], "phase") ?? "";

    public static Dictionary<string, string> Labels(JsonObject resource)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = StringAt(map, key) ?? value?.ToJsonString() ?? "";
            }
        }

        return labels;
    }

    public static void SetLabel(JsonObject resource, string key, string value) =>
        Child(Metadata(resource), "labels")[key] = value;

    /// <summary>Returns the object at <paramref name="key"/>, replacing a missing or non-object value with <c>{}</c>.</summary>
    public static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    public static string? StringAt(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
