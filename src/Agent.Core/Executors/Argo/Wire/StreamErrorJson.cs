using System.Text.Json.Serialization;

namespace Agent.Core.Executors.Argo.Wire;

/// <summary>grpc-gateway's in-band stream error (Argo notes §4).</summary>
internal sealed record StreamErrorJson(
    [property: JsonPropertyName("grpc_code")] int GrpcCode,
    [property: JsonPropertyName("http_code")] int HttpCode,
    string? Message,
    [property: JsonPropertyName("http_status")] string? HttpStatus);
