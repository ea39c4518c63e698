using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// Reads a request body as a JSON object; anything else, or a resource quantity that does not decode
/// (<see cref="QuantityDecoding"/>), is InvalidArgument, as grpc-gateway's decoder answers.
/// </summary>
internal static class RequestJson
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw ArgoApiException.InvalidArgument("request body must be a JSON object");
        }
        catch (JsonException exception)
        {
            throw ArgoApiException.InvalidArgument($"invalid request body: {exception.Message}");
        }

        // Decoding into Go types comes before any handler runs: a bad resource quantity fails the whole request.
        QuantityDecoding.Check(body);
        return body;
    }
}
