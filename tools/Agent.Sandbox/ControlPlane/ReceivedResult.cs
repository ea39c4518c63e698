using System.Text.Json;
using System.Text.Json.Serialization;
using Agent.Core.Protocol;

namespace Agent.Sandbox.ControlPlane;

/// <summary>One <c>result</c> answering a request, with the envelope exactly as the agent sent it.</summary>
internal sealed record ReceivedResult(string RequestId, string SessionId, DateTimeOffset ReceivedAt, Envelope Message)
{
    [JsonIgnore]
    public JsonElement Payload => Message.Payload;
}
