namespace Agent.Core.ControlPlane;

/// <summary>A consistent read of <see cref="ConnectionState"/> for probes, metrics and the admin API.</summary>
public sealed record ConnectionSnapshot(
    ConnectionStatus Status,
    string ServerUrl,
    string? SessionId,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastFrameAt,
    TimeSpan? LastHeartbeatRoundTrip,
    int ReconnectCount,
    int? LastCloseCode,
    string? LastCloseReason,
    int OutboxDepth);
