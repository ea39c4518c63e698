using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

/// <summary>Payload of <c>automation.run</c>; without <c>config</c> the container receives the workflow object itself.</summary>
internal sealed record AutomationRunRequest(JsonElement Workflow, JsonElement Config = default);
