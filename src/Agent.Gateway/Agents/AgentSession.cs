using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Store;

namespace Agent.Gateway.Agents;

/// <summary>
/// The gateway's side of one agent socket: one reader loop that handles the agent's messages in order (so acks stay
/// cumulative), and one writer loop that drains the send queue, so nothing calls <c>SendAsync</c> concurrently.
/// </summary>
internal sealed partial class AgentSession : IDisposable
{
    /// <summary>Sent in <c>welcome</c>: the agent's heartbeat interval.</summary>
    public const int HeartbeatSeconds = 15;

    private const int SendQueueCapacity = 1024;

    /// <summary>How long a closing session waits for the agent's close frame before dropping the socket.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly SessionServices _services;
    private readonly TimeProvider _time;
    private readonly Channel<OutgoingFrame> _outbound;
    private readonly CancellationTokenSource _lifetime;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ResultPayload?>> _pending = new(StringComparer.Ordinal);
    private int _closeRequested;
    private volatile HelloPayload? _hello;
    private volatile bool _welcomed;
    private int _inFlightRuns;

    public AgentSession(WebSocket socket, string agentId, IPAddress? remoteAddress, SessionServices services)
    {
        _socket = socket;
        _services = services;
        _time = services.Time;
        AgentId = agentId;
        RemoteAddress = remoteAddress;
        ConnectedAt = _time.GetUtcNow();
        _outbound = Channel.CreateBounded<OutgoingFrame>(new BoundedChannelOptions(SendQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

        // On the injected clock, so the close-handshake bound follows a FakeTimeProvider in tests.
        _lifetime = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
    }

    public string AgentId { get; }

    public string SessionId { get; } = Guid.NewGuid().ToString();

    public IPAddress? RemoteAddress { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>True once <c>welcome</c> is queued: requests may follow it.</summary>
    public bool IsWelcomed => _welcomed && !IsClosing;

    /// <summary>True once this replica's presence claim for the agent is stored.</summary>
    public bool HasClaimed { get; private set; }

    public bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    /// <summary>Where this session's claim is kept, and under which replica id.</summary>
    public IAgentPresence Presence => _services.Presence;

    public string ReplicaId => _services.Bus.ReplicaId;

    /// <summary>The session as the admin API shows it; null before <c>welcome</c>.</summary>
    public ConnectedAgent? Snapshot() => _hello is { } hello
        ? new ConnectedAgent(AgentId, hello.InstanceId, SessionId, hello.AgentVersion, RemoteAddress, ConnectedAt, _pending.Count, Volatile.Read(ref _inFlightRuns))
        : null;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // The gateway stopping says goodbye with 1001, so the agent reconnects (to another replica) at once.
        using var stopping = stoppingToken.Register(() => _ = CloseAsync((int)WebSocketCloseStatus.EndpointUnavailable, "gateway stopping"));
        using var helloWait = WaitForHello();
        var writer = WriteLoopAsync(_lifetime.Token);
        WebSocketCloseStatus? peerClose = null;
        var how = "closed by the agent";
        try
        {
            peerClose = await ReadLoopAsync(_lifetime.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            how = IsClosing ? "closed by the gateway" : $"connection lost ({ex.GetType().Name})";
        }
        catch (Exception ex)
        {
            // A store failure while recording a reliable message lands here: the message stays unacknowledged and the
            // agent resends it on its next session.
            how = "session failed";
            AgentHubLog.SessionFailed(_services.Logger, AgentId, SessionId, ex);
            await CloseAsync((int)WebSocketCloseStatus.InternalServerError, "gateway error");
        }
        finally
        {
            await FinishAsync(writer, peerClose);
            AgentHubLog.SessionEnded(_services.Logger, AgentId, SessionId, how);
        }
    }

    /// <summary>Queues a close with <paramref name="code"/> after what is already queued; waiting requests end as not connected.</summary>
    public async Task CloseAsync(int code, string? reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        FailPending();
        await EnqueueAsync(OutgoingFrame.Close(code, reason));
        _outbound.Writer.TryComplete();
        try
        {
            _lifetime.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The session already ended.
        }
    }

    public void Dispose() => _lifetime.Dispose();

    private CancellationTokenSource WaitForHello()
    {
        var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2 * HeartbeatSeconds), _time);
        wait.Token.Register(() =>
        {
            if (_hello is null)
            {
                _ = CloseAsync((int)WebSocketCloseStatus.PolicyViolation, "no hello within 30 s");
            }
        });
        return wait;
    }

    private async Task FinishAsync(Task writer, WebSocketCloseStatus? peerClose)
    {
        if (peerClose is { } status && Interlocked.Exchange(ref _closeRequested, 1) == 0)
        {
            // Echo the agent's close so its CloseAsync completes instead of timing out.
            await EnqueueAsync(OutgoingFrame.Close((int)status, null));
        }

        FailPending();
        _outbound.Writer.TryComplete();
        await writer;
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }

        await _services.Sessions.EndedAsync(this);
    }
}
