using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Json;

/// <summary>
/// Serialization as the Argo Server writes it. Go's encoding/json leaves quotes and non-ASCII text readable, so the
/// relaxed encoder is used: <c>'Stop'</c> stays <c>'Stop'</c> instead of <c>\u0027Stop\u0027</c>.
/// </summary>
internal static class ArgoJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
