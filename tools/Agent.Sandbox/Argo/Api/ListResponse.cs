using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// Builds a <c>…List</c> body: newest <c>creationTimestamp</c> first (ties by name), paged by a numeric
/// <c>continue</c> offset, and <c>"items": null</c> when empty, which is what Argo really sends (issue #10376).
/// </summary>
internal static class ListResponse
{
    /// <param name="resources">Published snapshots; only the returned page is copied.</param>
    /// <param name="resourceVersion">The store version the snapshots were read at.</param>
    /// <param name="query">Selectors, paging and <c>fields</c>.</param>
    public static JsonNode? Build(IEnumerable<JsonObject> resources, long resourceVersion, ListQuery query)
    {
        var matching = resources.Where(query.Matches)
            .OrderByDescending(ResourceJson.CreationTimestamp, StringComparer.Ordinal)
            .ThenBy(ResourceJson.Name, StringComparer.Ordinal)
            .ToList();
        var page = matching.Skip(query.Offset).Take(query.Limit > 0 ? query.Limit : int.MaxValue).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        var nextOffset = query.Offset + page.Count;
        if (query.Limit > 0 && nextOffset < matching.Count)
        {
            metadata["continue"] = nextOffset.ToString(CultureInfo.InvariantCulture);
        }

        var list = new JsonObject
        {
            ["metadata"] = metadata,
            ["items"] = page.Count == 0 ? null : new JsonArray([.. page.Select(item => (JsonNode)item.DeepClone())]),
        };
        return query.Projection?.TrimInPlace(list) ?? list;
    }
}
