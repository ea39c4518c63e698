using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Streaming;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// An error response: grpc-gateway's unary <c>{"code":N,"message":"…"}</c> (no <c>details</c> when empty), or for a
/// stream that failed before its first write, the <c>{"error":{…}}</c> chunk; both with the mapped HTTP status.
/// </summary>
internal sealed class ArgoErrorResult(ArgoApiException error, bool stream) : IResult
{
    public ArgoApiException Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = stream
            ? StreamErrors.Build(Error.GrpcCode, Error.Message)
            : new JsonObject { ["code"] = Error.GrpcCode, ["message"] = Error.Message };
        httpContext.Response.StatusCode = Error.HttpStatus;
        httpContext.Response.ContentType = "application/json";
        return httpContext.Response.WriteAsync(ArgoJson.Serialize(body), httpContext.RequestAborted);
    }
}
