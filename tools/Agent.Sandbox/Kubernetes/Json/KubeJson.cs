using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Kubernetes.Json;

/// <summary>The well-known fields of a stored Kubernetes object; the generic ones come from <see cref="ResourceJson"/>.</summary>
internal static class KubeJson
{
    public static string Name(JsonObject resource) => ResourceJson.Name(resource);

    public static string Namespace(JsonObject resource) => ResourceJson.Namespace(resource);

    public static string Uid(JsonObject resource) => ResourceJson.StringAt(resource["metadata"], "uid") ?? "";

    public static Dictionary<string, string> Labels(JsonObject resource) => ResourceJson.Labels(resource);

    public static string? StringAt(JsonNode? node, string key) => ResourceJson.StringAt(node, key);

    public static JsonObject Child(JsonObject parent, string key) => ResourceJson.Child(parent, key);

    public static long? LongAt(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    public static bool BoolAt(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>The uids this object's ownerReferences point at.</summary>
    public static IEnumerable<string> OwnerUids(JsonObject resource) =>
        (resource["metadata"]?["ownerReferences"] as JsonArray ?? []).Select(r => StringAt(r, "uid") ?? "");

    /// <summary>A controlling ownerReference (<c>controller</c> and <c>blockOwnerDeletion</c>), as controllers set it.</summary>
    public static JsonArray ControllerReference(State.KubeKind kind, string name, string uid) => new(new JsonObject
    {
        ["apiVersion"] = kind.ApiVersion,
        ["kind"] = kind.Kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    public static JsonObject Clone(JsonObject resource) => (JsonObject)resource.DeepClone();
}
