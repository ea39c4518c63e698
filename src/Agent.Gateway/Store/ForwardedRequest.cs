using System.Text.Json;

namespace Agent.Gateway.Store;

/// <summary>A request another replica asks this one to send to an agent connected here.</summary>
internal sealed record ForwardedRequest(string AgentId, string Type, JsonElement Payload, TimeSpan Wait);
