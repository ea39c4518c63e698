using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Agent.Gateway.Airflow;

/// <summary>Reads the JSON bodies and query arguments the client sends, and names the field when one is missing.</summary>
internal static class AirflowRequest
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The body as a JSON object, or a 400 saying why not (the body itself is never echoed: it holds tokens).</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, Options, cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, AirflowResults.BadRequest($"Request Validation Error parsing payload: expected a JSON object, not {document.RootElement.ValueKind}"));
        }
        catch (JsonException ex)
        {
            return (default, AirflowResults.BadRequest($"Request Validation Error parsing payload: not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})"));
        }
    }

    /// <summary>A non-empty string at <paramref name="path"/> (dot-separated), or a 400 naming the field.</summary>
    public static bool TryString(JsonElement body, string path, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out IResult? problem)
    {
        value = Find(body, path) is { ValueKind: JsonValueKind.String } element ? element.GetString() : null;
        problem = string.IsNullOrEmpty(value)
            ? AirflowResults.BadRequest($"Request Validation Error parsing payload: '{path}' must be a non-empty string")
            : null;
        return problem is null;
    }

    /// <summary>The element at a dot-separated path, or null when any step is missing or not an object.</summary>
    public static JsonElement? Find(JsonElement body, string path)
    {
        var current = body;
        foreach (var step in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The <c>dag_id</c> of a query, cleaned, or the plugin's MISSING_DAG_ID_EXCEPTION_MSG-like 400.</summary>
    public static bool TryQueryDagId(HttpRequest request, [NotNullWhen(true)] out string? dagId, [NotNullWhen(false)] out IResult? problem)
    {
        var raw = request.Query["dag_id"].ToString();
        dagId = raw.Length > 0 ? DagIds.Clean(raw) : null;
        problem = dagId is null ? AirflowResults.BadRequest("Missing dag_id argument in the request") : null;
        return problem is null;
    }

    /// <summary>The body's <c>dag_id</c>, cleaned (trigger, kill, enable, disable post <c>{"dag_id": name}</c>).</summary>
    public static async Task<(string? DagId, JsonElement Body, IResult? Problem)> ReadDagIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, body, problem);
        }

        return TryString(body, "dag_id", out var raw, out problem) ? (DagIds.Clean(raw), body, null) : (null, body, problem);
    }
}
