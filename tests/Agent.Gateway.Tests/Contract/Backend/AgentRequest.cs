using System.Text.Json;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>One protocol request the gateway sent to an agent, as the scripted agent received it.</summary>
internal sealed record AgentRequest(string AgentId, string Type, JsonElement Payload, TimeSpan Wait);
