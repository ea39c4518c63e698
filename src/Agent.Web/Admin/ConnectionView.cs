namespace Agent.Web.Admin;

/// <summary>
/// The control-plane link as an operator sees it. The server URL carries no credentials. <see cref="Draining"/> is the
/// agent's own (POST/DELETE /admin/drain) and outlives reconnects. <see cref="NextAttemptAt"/> is set while the agent
/// waits out a back-off; <see cref="ReconnectRequestedAt"/> is the last POST /admin/connection/reconnect that took effect.
/// </summary>
internal sealed record ConnectionView(
    string Status,
    string AgentId,
    string InstanceId,
    string AgentVersion,
    string ServerUrl,
    string? SessionId,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastFrameAt,
    double? LastHeartbeatRoundTripMs,
    int ReconnectCount,
    int? LastCloseCode,
    string? LastCloseReason,
    int OutboxDepth,
    int InFlightOperations,
    bool Draining,
    DateTimeOffset? DrainingSince,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ReconnectRequestedAt);
