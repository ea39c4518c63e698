using System.Text.Json;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>What the request routes answer: the request id and, once it came, the result payload.</summary>
internal sealed record RequestAnswer(string Id, JsonElement? Result = null, string? Error = null);
