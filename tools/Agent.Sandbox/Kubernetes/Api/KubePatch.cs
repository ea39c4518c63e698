using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// The patch types the emulator applies (K8S staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go):
/// JSON merge patch (RFC 7386: objects merge, <c>null</c> deletes, anything else replaces) and strategic merge patch,
/// which for the scalar and map fields the sandbox's clients patch (e.g. <c>spec.suspend</c>) behaves the same; and
/// JSON patch (RFC 6902) add/replace/remove. Server-side apply is refused with the apiserver's 415 text.
/// </summary>
internal static class KubePatch
{
    public const string Merge = "application/merge-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Json = "application/json-patch+json";

    public static JsonObject Apply(string contentType, JsonObject target, JsonNode? patch)
    {
        var type = contentType.Split(';')[0].Trim();
        return type switch
        {
            Merge or Strategic when patch is JsonObject merge => (JsonObject)MergeInto(target, merge)!,
            Json when patch is JsonArray operations => ApplyOperations(target, operations),
            Merge or Strategic or Json => throw KubeStatus.BadRequest("error decoding patch: the patch is not of the expected JSON type"),
            _ => throw KubeStatus.UnsupportedMediaType(type),
        };
    }

    private static JsonNode? MergeInto(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var existing = result[name];
                result.Remove(name);
                result[name] = MergeInto(existing, value);
            }
        }

        return result;
    }

    private static JsonObject ApplyOperations(JsonObject target, JsonArray operations)
    {
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var path = (operation["path"]?.GetValue<string>() ?? "").Split('/').Skip(1)
                .Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
            if (path.Count == 0)
            {
                throw KubeStatus.BadRequest("the server rejected our request due to an error in our request");
            }

            var parent = path.SkipLast(1).Aggregate<string, JsonNode?>(target, (node, part) => node is JsonObject o ? o[part] : node is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : null) as JsonObject
                ?? throw KubeStatus.BadRequest($"the server rejected our request due to an error in our request: path {operation["path"]} not found");
            var op = operation["op"]?.GetValue<string>();
            if (op is "remove")
            {
                parent.Remove(path[^1]);
            }
            else if (op is "add" or "replace")
            {
                parent[path[^1]] = operation["value"]?.DeepClone();
            }
            else
            {
                throw KubeStatus.BadRequest($"unsupported JSON patch operation {op}");
            }
        }

        return target;
    }
}
