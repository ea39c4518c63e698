namespace Agent.Core.Operations;

/// <summary>
/// Draining: an operator's <c>POST /admin/drain</c> stops new work until <c>DELETE /admin/drain</c>; shutdown drains
/// for good. The drain belongs to the agent, not to a session, so a reconnect neither clears nor re-applies it: only
/// the undrain (or a restart) does.
/// </summary>
internal sealed partial class RequestDispatcher
{
    private readonly Lock _drainGate = new();
    private DateTimeOffset? _drainingSince;

    /// <summary>True once the agent takes no new work (drained by an operator or shutting down).</summary>
    public bool IsDraining => DrainingSince is not null;

    /// <summary>True once the host is shutting down; a drain for shutdown cannot be undone.</summary>
    public bool IsShuttingDown => _stopping;

    /// <summary>When the agent stopped taking new work; null while it takes it.</summary>
    public DateTimeOffset? DrainingSince
    {
        get
        {
            lock (_drainGate)
            {
                return _drainingSince;
            }
        }
    }

    /// <summary>Stops executing new requests (answered 503) until <see cref="Undrain"/>; returns since when. A second drain keeps the first time.</summary>
    public DateTimeOffset Drain()
    {
        lock (_drainGate)
        {
            _drainingSince ??= _timeProvider.GetUtcNow();
            _metrics.Draining.Set(1);
            return _drainingSince.Value;
        }
    }

    /// <summary>Takes new requests again; false, and nothing changes, when the host is shutting down.</summary>
    public bool Undrain()
    {
        lock (_drainGate)
        {
            if (_stopping)
            {
                return false;
            }

            _drainingSince = null;
            _metrics.Draining.Set(0);
            return true;
        }
    }
}
