using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

public sealed record AutomationRunRequest(JsonElement Workflow, JsonElement Config);
