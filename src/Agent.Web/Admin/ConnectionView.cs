namespace Agent.Web.Admin;

/// <summary>The control-plane link as an operator sees it. The server URL carries no credentials.</summary>
public sealed record ConnectionView(
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
    int InFlightOperations);
