using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Agent.Sandbox.Argo.Streaming;

/// <summary>
/// grpc-gateway's <c>StreamError</c> chunk, the only error shape a stream ever carries: in-band with status 200
/// after headers went out, or as the whole body with the mapped status when the call fails before the first write.
/// </summary>
internal static class StreamErrors
{
    /// <summary>A k8s watch ending (its timeout, or the sandbox's close command) surfaces as ResourceExhausted.</summary>
    public const string WatchClosedMessage = "watch closed";

    public static JsonObject Build(int grpcCode, string message)
    {
        var httpCode = GrpcCode.ToHttpStatus(grpcCode);
        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["grpc_code"] = grpcCode,
                ["http_code"] = httpCode,
                ["message"] = message,
                ["http_status"] = ReasonPhrases.GetReasonPhrase(httpCode),
            },
        };
    }
}
