using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// Keeps every Argo API call with its body, in arrival order, so tests can check what the agent really sends (e.g. the
/// Workflow create body against the Argo schema). Bodies are read from a rewound buffer, so handlers still see them.
/// </summary>
internal sealed class ArgoRequestRecorder
{
    /// <summary>Enough for every test scenario; the oldest calls are forgotten beyond it.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public async Task RecordAsync(HttpRequest request, string template)
    {
        string? raw = null;
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            request.EnableBuffering();
            using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
            {
                raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            }

            request.Body.Position = 0;
            body = TryParse(raw);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, template, request.Path, request.QueryString.Value ?? "", body, raw));
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }

    public void Clear() => _requests.Clear();

    private static JsonNode? TryParse(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
