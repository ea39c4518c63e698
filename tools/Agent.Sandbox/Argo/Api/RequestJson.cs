using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;

namespace Agent.Sandbox.Argo.Api;

/// <summary>Reads a request body as a JSON object; anything else is InvalidArgument, as grpc-gateway's decoder answers.</summary>
internal static class RequestJson
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw ArgoApiException.InvalidArgument("request body must be a JSON object");
        }
        catch (JsonException exception)
        {
            throw ArgoApiException.InvalidArgument($"invalid request body: {exception.Message}");
        }
    }
}
