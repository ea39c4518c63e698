namespace Agent.Core.Link;

/// <summary>
/// The one place that knows how the link to the control plane is doing. The session writes it; readiness,
/// the <c>connected</c> gauge and the admin API read snapshots, so they never touch the socket.
/// </summary>
internal sealed class ConnectionState(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private ConnectionSnapshot _snapshot = new(ConnectionStatus.Disconnected, string.Empty, null, null, null, null, 0, null, null, 0);

    public event Action<ConnectionSnapshot>? Changed;

    public ConnectionSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    public void Connecting(string redactedServerUrl) =>
        Update(s => s with { Status = ConnectionStatus.Connecting, ServerUrl = redactedServerUrl, NextAttemptAt = null });

    /// <summary>
    /// The agent waits <paramref name="delay"/> before it dials again. Not an event: the status is the one the attempt
    /// ended with, and listeners (the gauge, readiness) follow status changes.
    /// </summary>
    public void Waiting(TimeSpan delay) => Update(s => s with { NextAttemptAt = timeProvider.GetUtcNow() + delay }, notify: false);

    /// <summary>An operator's reconnect took effect.</summary>
    public void ReconnectRequested() => Update(s => s with { ReconnectRequestedAt = timeProvider.GetUtcNow() });

    public void Connected(string sessionId) =>
        Update(s => s with { Status = ConnectionStatus.Connected, SessionId = sessionId, ConnectedSince = timeProvider.GetUtcNow() });

    public void Disconnected(ConnectionStatus status, int? closeCode, string reason, bool countsAsReconnect) =>
        Update(s => s with
        {
            Status = status,
            SessionId = null,
            ConnectedSince = null,
            LastCloseCode = closeCode,
            LastCloseReason = reason,
            ReconnectCount = s.ReconnectCount + (countsAsReconnect ? 1 : 0),
        });

    public void FrameReceived() => Update(s => s with { LastFrameAt = timeProvider.GetUtcNow() }, notify: false);

    public void HeartbeatAnswered(TimeSpan roundTrip) => Update(s => s with { LastHeartbeatRoundTrip = roundTrip }, notify: false);

    public void OutboxChanged(int depth) => Update(s => s with { OutboxDepth = depth }, notify: false);

    public void Stopped() => Update(s => s with { Status = ConnectionStatus.Stopped, SessionId = null, ConnectedSince = null });

    private void Update(Func<ConnectionSnapshot, ConnectionSnapshot> change, bool notify = true)
    {
        ConnectionSnapshot next;
        lock (_gate)
        {
            next = _snapshot = change(_snapshot);
        }

        if (notify)
        {
            Changed?.Invoke(next);
        }
    }
}
