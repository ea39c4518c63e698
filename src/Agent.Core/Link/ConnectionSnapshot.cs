namespace Agent.Core.Link;

/// <summary>A consistent read of <see cref="ConnectionState"/> for probes, metrics and the admin API.</summary>
internal sealed record ConnectionSnapshot(
    ConnectionStatus Status,
    string ServerUrl,
    string? SessionId,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? LastFrameAt,
    TimeSpan? LastHeartbeatRoundTrip,
    int ReconnectCount,
    int? LastCloseCode,
    string? LastCloseReason,
    int OutboxDepth)
{
    /// <summary>When the next dial is due while the agent waits out a back-off; null while dialling or connected.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The last time an operator's reconnect took effect (a session ended or a back-off cut short).</summary>
    public DateTimeOffset? ReconnectRequestedAt { get; init; }
}
