using Agent.Sandbox.Argo.Json;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Api;

/// <summary>A 200 with a JSON body serialized as the Argo Server would.</summary>
internal sealed class ArgoJsonResult(JsonNode? body) : IResult
{
    public JsonNode? Body { get; } = body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json";
        return httpContext.Response.WriteAsync(ArgoJson.Serialize(Body), httpContext.RequestAborted);
    }
}
