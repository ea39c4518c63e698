namespace Agent.Gateway.Hosting.Admin;

/// <summary>One connected agent as <c>GET /admin/agents</c> shows it, with the replica holding it (the bus's id).</summary>
internal sealed record AgentView(
    string AgentId,
    string InstanceId,
    string SessionId,
    string AgentVersion,
    string? RemoteAddress,
    DateTimeOffset ConnectedAt,
    int InFlightRequests,
    int InFlightRuns,
    string ReplicaId);
