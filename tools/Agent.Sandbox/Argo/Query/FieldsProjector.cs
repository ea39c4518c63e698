using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Query;

/// <summary>
/// Applies Argo's <c>fields</c> query parameter (<c>util/fields/fields.go</c>): a comma list of dotted paths to keep,
/// or, with a leading <c>-</c>, to remove. Arrays are transparent, so <c>items.metadata.name</c> applies to every item.
/// A kept path keeps its whole subtree; a parent of a kept path is kept and trimmed further, the rest is dropped.
/// </summary>
internal sealed class FieldsProjector
{
    private readonly HashSet<string> _paths;
    private readonly bool _exclude;

    private FieldsProjector(HashSet<string> paths, bool exclude)
    {
        _paths = paths;
        _exclude = exclude;
    }

    /// <summary>Returns null when <paramref name="fields"/> is empty: the response goes out untouched.</summary>
    public static FieldsProjector? Parse(string? fields, string? stripPrefix = null)
    {
        if (string.IsNullOrEmpty(fields))
        {
            return null;
        }

        var exclude = fields.StartsWith('-');
        var paths = (exclude ? fields[1..] : fields).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => stripPrefix is not null && path.StartsWith(stripPrefix, StringComparison.Ordinal) ? path[stripPrefix.Length..] : path)
            .ToHashSet(StringComparer.Ordinal);
        return new FieldsProjector(paths, exclude);
    }

    /// <summary>Returns a trimmed deep copy; <paramref name="source"/> is left untouched so shared snapshots stay immutable.</summary>
    public JsonNode? Apply(JsonNode? source) => TrimInPlace(source?.DeepClone());

    /// <summary>Trims a node the caller owns, such as a freshly built list, without copying it.</summary>
    public JsonNode? TrimInPlace(JsonNode? owned)
    {
        Clean("", owned);
        return owned;
    }

    private void Clean(string path, JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Clean(path, item);
            }

            return;
        }

        if (node is not JsonObject map)
        {
            return;
        }

        foreach (var key in map.Select(pair => pair.Key).ToList())
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            var exact = _paths.Contains(childPath);
            var onPath = exact || _paths.Any(p => p.StartsWith(childPath + ".", StringComparison.Ordinal));
            var keep = _exclude ? !exact : onPath;
            if (!keep)
            {
                map.Remove(key);
            }
            else if (!exact)
            {
                Clean(childPath, map[key]);
            }
        }
    }
}
