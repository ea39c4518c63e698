using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Query;

namespace Agent.Sandbox.Argo.Api;

/// <summary>The k8s <c>listOptions.*</c> query parameters plus Argo's <c>fields</c>, parsed and validated up front.</summary>
internal sealed record ListQuery(
    LabelSelector Labels, FieldSelector Fields, int Limit, int Offset, long? ResourceVersion, FieldsProjector? Projection)
{
    /// <param name="query">The request query.</param>
    /// <param name="fieldsPrefix">For watches, Argo trims <c>result.object.</c> off each <c>fields</c> path and applies the rest to the object.</param>
    public static ListQuery From(IQueryCollection query, string? fieldsPrefix = null)
    {
        var offset = ParseInteger(query, "listOptions.continue", "listOptions.continue must be int");
        if (offset < 0)
        {
            throw ArgoApiException.InvalidArgument("listOptions.continue must >= 0");
        }

        var limit = ParseInteger(query, "listOptions.limit", null);
        var resourceVersion = ParseInteger(query, "listOptions.resourceVersion", null);
        return new ListQuery(
            LabelSelector.Parse(query["listOptions.labelSelector"]),
            FieldSelector.Parse(query["listOptions.fieldSelector"]),
            (int)Math.Max(limit, 0),
            (int)offset,
            // k8s: "0" (or nothing) means "start from the current state", with synthetic ADDED events.
            resourceVersion > 0 ? resourceVersion : null,
            FieldsProjector.Parse(query["fields"], fieldsPrefix));
    }

    public bool Matches(JsonObject? resource) =>
        resource is not null && Labels.Matches(ResourceJson.Labels(resource)) && Fields.Matches(resource);

    private static long ParseInteger(IQueryCollection query, string name, string? message)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ArgoApiException.InvalidArgument(
                message ?? $"type mismatch, parameter: {name}, error: strconv.ParseInt: parsing \"{text}\": invalid syntax");
    }
}
