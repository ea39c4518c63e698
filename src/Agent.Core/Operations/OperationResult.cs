using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Agent.Core.Operations;

/// <summary>What a handler concluded; the dispatcher turns it into a <c>result</c> message.</summary>
internal sealed record OperationResult(int Code, string? Reason = null, string? RunId = null, JsonElement? Data = null)
{
    public bool Ok => Code == 200;

    public static OperationResult Success<T>(T data, JsonTypeInfo<T> typeInfo, string? runId = null) =>
        new(200, null, runId, JsonSerializer.SerializeToElement(data, typeInfo));

    public static OperationResult BadRequest(string reason) => new(400, reason);

    public static OperationResult NotFound(string reason) => new(404, reason);
}
