namespace Agent.Core.ControlPlane;

/// <summary>Lets an operator end the current session on purpose (admin API "force reconnect"); the service dials again at once.</summary>
public sealed class SessionControl : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    /// <summary>A token the current session watches; cancelled by <see cref="RequestReconnect"/>.</summary>
    public CancellationTokenSource BeginSession()
    {
        lock (_gate)
        {
            _current = new CancellationTokenSource();
            return _current;
        }
    }

    /// <summary>Ends the current session; false when there is none.</summary>
    public bool RequestReconnect()
    {
        lock (_gate)
        {
            if (_current is null || _current.IsCancellationRequested)
            {
                return false;
            }

            _current.Cancel();
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    public void EndSession(CancellationTokenSource session)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, session))
            {
                _current = null;
            }
        }

        session.Dispose();
    }
}
