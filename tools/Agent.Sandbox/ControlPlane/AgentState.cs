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
    private readonly Lock gate = new();
    private AgentSession? session;
    private AgentConnection? connection;
    private TaskCompletionSource<AgentConnection> welcomed = NewSignal();
    private bool silent;
    private bool withholdAcks;
    private int refuseCode;
    private DateTimeOffset? lastHeardAt;

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
        get => Volatile.Read(ref silent);
        set => Volatile.Write(ref silent, value);
    }

    public bool WithholdAcks
    {
        get => Volatile.Read(ref withholdAcks);
        set => Volatile.Write(ref withholdAcks, value);
    }

    /// <summary>Close code every new connection gets right after the upgrade; 0 accepts connections.</summary>
    public int RefuseCode
    {
        get => Volatile.Read(ref refuseCode);
        set => Volatile.Write(ref refuseCode, value);
    }

    public AgentSession? Session
    {
        get
        {
            lock (gate)
            {
                return session;
            }
        }
    }

    /// <summary>The session that has been sent <c>welcome</c>, the only one requests may go to.</summary>
    public AgentSession? WelcomedSession
    {
        get
        {
            lock (gate)
            {
                return connection is null ? null : session;
            }
        }
    }

    public AgentConnection? Connection
    {
        get
        {
            lock (gate)
            {
                return connection;
            }
        }
    }

    /// <summary>Claims the agent id for a new session; fails while another session holds it (close 4002).</summary>
    public bool TryClaim(AgentSession candidate)
    {
        lock (gate)
        {
            if (session is not null)
            {
                return false;
            }

            session = candidate;
            return true;
        }
    }

    public void MarkWelcomed(AgentSession welcomedSession, HelloPayload hello, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!ReferenceEquals(session, welcomedSession))
            {
                return;
            }

            LastHello = hello;
            connection = new AgentConnection(AgentId, welcomedSession.SessionId, hello.InstanceId, at);
            LastConnection = connection;
            welcomed.TrySetResult(connection);
        }
    }

    public void Release(AgentSession endedSession)
    {
        lock (gate)
        {
            if (!ReferenceEquals(session, endedSession))
            {
                return;
            }

            session = null;
            if (connection is not null)
            {
                connection = null;
                welcomed = NewSignal();
            }
        }
    }

    public Task<AgentConnection> WaitForWelcomeAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return welcomed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>When a frame of this agent was last read, whichever instance sent it.</summary>
    public DateTimeOffset? LastHeardAt
    {
        get
        {
            lock (gate)
            {
                return lastHeardAt;
            }
        }
    }

    public void Heard(DateTimeOffset at)
    {
        lock (gate)
        {
            lastHeardAt = at;
        }
    }

    public void RecordHeartbeat(HeartbeatPayload? heartbeat, DateTimeOffset at)
    {
        lock (gate)
        {
            LastHeartbeat = heartbeat;
            LastHeartbeatAt = at;
        }
    }

    private static TaskCompletionSource<AgentConnection> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
