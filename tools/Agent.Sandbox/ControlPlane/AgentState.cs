using System.Collections.Concurrent;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Everything the emulator knows about one agent id: its live session, its last hello and heartbeat, its
/// unanswered requests and the misbehaviour switched on for it. Misbehaviour outlives sessions on purpose, so a
/// test can silence or refuse an agent before it reconnects.
/// </summary>
internal sealed class AgentState(string agentId)
{
    private readonly Lock _gate = new();
    private AgentSession? _session;
    private AgentConnection? _connection;
    private TaskCompletionSource<AgentConnection> _welcomed = NewSignal();
    private bool _silent;
    private bool _withholdAcks;
    private int _refuseCode;
    private DateTimeOffset? _lastHeardAt;

    public string AgentId { get; } = agentId;

    public ConcurrentDictionary<string, PendingRequest> Unanswered { get; } = new(StringComparer.Ordinal);

    public HelloPayload? LastHello { get; private set; }

    public AgentConnection? LastConnection { get; private set; }

    public DateTimeOffset? LastHeartbeatAt { get; private set; }

    /// <summary>The close code the agent sent when it last ended a session itself; null when it last vanished without one.</summary>
    public int? LastAgentCloseCode { get; set; }

    public HeartbeatPayload? LastHeartbeat { get; private set; }

    /// <summary>Nothing is queued for the agent while set; see <see cref="ControlPlaneServer.SetSilent"/>.</summary>
    public bool Silent
    {
        get => Volatile.Read(ref _silent);
        set => Volatile.Write(ref _silent, value);
    }

    public bool WithholdAcks
    {
        get => Volatile.Read(ref _withholdAcks);
        set => Volatile.Write(ref _withholdAcks, value);
    }

    /// <summary>Close code every new connection gets right after the upgrade; 0 accepts connections.</summary>
    public int RefuseCode
    {
        get => Volatile.Read(ref _refuseCode);
        set => Volatile.Write(ref _refuseCode, value);
    }

    public AgentSession? Session
    {
        get
        {
            lock (_gate)
            {
                return _session;
            }
        }
    }

    /// <summary>The session that has been sent <c>welcome</c>, the only one requests may go to.</summary>
    public AgentSession? WelcomedSession
    {
        get
        {
            lock (_gate)
            {
                return _connection is null ? null : _session;
            }
        }
    }

    public AgentConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>Claims the agent id for a new session; fails while another session holds it (close 4002).</summary>
    public bool TryClaim(AgentSession candidate)
    {
        lock (_gate)
        {
            if (_session is not null)
            {
                return false;
            }

            _session = candidate;
            return true;
        }
    }

    public void MarkWelcomed(AgentSession welcomedSession, HelloPayload hello, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_session, welcomedSession))
            {
                return;
            }

            LastHello = hello;
            _connection = new AgentConnection(AgentId, welcomedSession.SessionId, hello.InstanceId, at);
            LastConnection = _connection;
            _welcomed.TrySetResult(_connection);
        }
    }

    public void Release(AgentSession endedSession)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_session, endedSession))
            {
                return;
            }

            _session = null;
            if (_connection is not null)
            {
                _connection = null;
                _welcomed = NewSignal();
            }
        }
    }

    public Task<AgentConnection> WaitForWelcomeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _welcomed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>When a frame of this agent was last read, whichever instance sent it.</summary>
    public DateTimeOffset? LastHeardAt
    {
        get
        {
            lock (_gate)
            {
                return _lastHeardAt;
            }
        }
    }

    public void Heard(DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastHeardAt = at;
        }
    }

    public void RecordHeartbeat(HeartbeatPayload? heartbeat, DateTimeOffset at)
    {
        lock (_gate)
        {
            LastHeartbeat = heartbeat;
            LastHeartbeatAt = at;
        }
    }

    private static TaskCompletionSource<AgentConnection> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
