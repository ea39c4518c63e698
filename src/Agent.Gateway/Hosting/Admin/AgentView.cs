namespace Agent.Gateway.Hosting.Admin;

/// <summary>One connected agent as <c>GET /admin/agents</c> shows it.</summary>
internal sealed record AgentView(
    string AgentId,
    string InstanceId,
    string SessionId,
    string AgentVersion,
    string? RemoteAddress,
    DateTimeOffset ConnectedAt,
    int InFlightRequests,
    int InFlightRuns);
