using System.Text.Json;

namespace Agent.Gateway.Agents;

/// <summary>
/// Sends one protocol request to an agent wherever it is connected: on this replica, or through the replica bus on
/// another. Every wait is bounded by the caller's <c>wait</c>, because OpenMetadata's client sets no read timeout.
/// </summary>
internal interface IAgentLink
{
    Task<AgentReply> SendAsync(string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken);
}
