using System.Net;

namespace Agent.Gateway.Agents;

/// <summary>One live agent session as the admin API shows it; <see cref="RemoteAddress"/> is the agent's egress address.</summary>
internal sealed record ConnectedAgent(
    string AgentId,
    string InstanceId,
    string SessionId,
    string AgentVersion,
    IPAddress? RemoteAddress,
    DateTimeOffset ConnectedAt,
    int InFlightRequests,
    int InFlightRuns);
