namespace Agent.Core.Link;

/// <summary>
/// Lets an operator force a reconnect (admin API): during a session it ends the session; during a back-off wait,
/// including the longest one after a refusal such as 4001, it cuts the wait so the agent dials at once. While a dial
/// is under way there is nothing to force, and the caller is told so.
/// </summary>
internal sealed class SessionControl : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;
    private CancellationTokenSource? _backoff;
    private bool _waiting;

    /// <summary>A token the current session watches; cancelled by <see cref="RequestReconnect"/>.</summary>
    public CancellationTokenSource BeginSession()
    {
        lock (_gate)
        {
            _current = new CancellationTokenSource();
            return _current;
        }
    }

    /// <summary>
    /// A round of reconnect attempts starts. Its token (linked to <paramref name="stoppingToken"/>) is what the back-off
    /// waits watch; <see cref="RequestReconnect"/> cancels it only between <see cref="Waiting"/> and <see cref="Dialling"/>.
    /// </summary>
    public CancellationTokenSource BeginReconnecting(CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            _waiting = false;
            _backoff = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            return _backoff;
        }
    }

    /// <summary>A back-off wait is about to start.</summary>
    public void Waiting() => SetWaiting(true);

    /// <summary>A dial starts: an operator's reconnect cannot make it any sooner.</summary>
    public void Dialling() => SetWaiting(false);

    /// <summary>Ends the current session or cuts the current back-off wait; false when there is neither (a dial is under way).</summary>
    public bool RequestReconnect()
    {
        lock (_gate)
        {
            if (_current is { IsCancellationRequested: false } session)
            {
                session.Cancel();
                return true;
            }

            if (!_waiting || _backoff is not { IsCancellationRequested: false } backoff)
            {
                return false;
            }

            _waiting = false;

            // Callbacks run elsewhere: the woken reconnect loop must not dial on the admin request's thread.
            _ = backoff.CancelAsync();
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
            _backoff?.Dispose();
            _backoff = null;
        }
    }

    public void EndSession(CancellationTokenSource session) => End(ref _current, session);

    public void EndReconnecting(CancellationTokenSource reconnecting) => End(ref _backoff, reconnecting);

    private void SetWaiting(bool waiting)
    {
        lock (_gate)
        {
            _waiting = waiting;
        }
    }

    private void End(ref CancellationTokenSource? slot, CancellationTokenSource ended)
    {
        lock (_gate)
        {
            if (ReferenceEquals(slot, ended))
            {
                slot = null;
            }
        }

        ended.Dispose();
    }
}
