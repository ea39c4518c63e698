using System.Text.Json.Nodes;

namespace Agent.Core.Execution;

/// <summary>
/// Merges an operator's patch into a generated spec, the way Kubernetes strategic merge treats the fields that
/// matter here: objects merge key by key, lists of named objects (env, volumes, volumeMounts) merge by
/// <c>name</c>, other lists (tolerations, envFrom) are appended, and scalars are replaced.
/// </summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            var existing = target[key];
            switch (existing, value)
            {
                case (JsonObject existingObject, JsonObject patchObject):
                    Into(existingObject, patchObject);
                    break;
                case (JsonArray existingArray, JsonArray patchArray):
                    MergeLists(existingArray, patchArray);
                    break;
                default:
                    target[key] = value?.DeepClone();
                    break;
            }
        }
    }

    private static void MergeLists(JsonArray target, JsonArray patch)
    {
        foreach (var item in patch)
        {
            var name = (item as JsonObject)?["name"]?.GetValue<string>();
            var match = name is null ? null : target.OfType<JsonObject>().FirstOrDefault(existing => existing["name"]?.GetValue<string>() == name);
            if (match is not null && item is JsonObject patchItem)
            {
                Into(match, patchItem);
            }
            else
            {
                target.Add(item?.DeepClone());
            }
        }
    }
}
