using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// Reads a request body as the apiserver does: more than 3 MiB answers 413 "Request entity too large: limit is 3145728"
/// (K8S staging/src/k8s.io/apiserver/pkg/server/config.go MaxRequestBodyBytes; FIDELITY §7.1), and a body that is not a
/// JSON object answers 400.
/// </summary>
internal static class KubeRequestBody
{
    public const long MaxRequestBodyBytes = 3 * 1024 * 1024;

    public static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        await ReadNodeAsync(request) as JsonObject ?? throw KubeStatus.BadRequest("the body of the request was not a JSON object");

    public static async Task<JsonNode?> ReadNodeAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxRequestBodyBytes)
        {
            throw KubeStatus.TooLarge(MaxRequestBodyBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRequestBodyBytes)
            {
                throw KubeStatus.TooLarge(MaxRequestBodyBytes);
            }
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException error)
        {
            throw KubeStatus.BadRequest($"the object provided is unrecognized: {error.Message}");
        }
    }
}
