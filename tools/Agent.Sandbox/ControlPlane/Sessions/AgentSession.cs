using System.Net.WebSockets;
using System.Threading.Channels;
using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>
/// The server side of one agent socket: one reader loop that handles frames in order, and one writer loop that
/// drains the outbound queue, so nothing ever calls <c>SendAsync</c> concurrently.
/// </summary>
internal sealed partial class AgentSession : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SessionServices _services;
    private readonly ControlPlaneOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<OutboundFrame> _outbound;
    private readonly CancellationTokenSource _lifetime;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closeRequested;

    public AgentSession(WebSocket socket, AgentState agent, SessionServices services)
    {
        _socket = socket;
        _services = services;
        _options = services.Options;
        _time = services.Time;
        _logger = services.Logger;
        Agent = agent;
        _outbound = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(_options.OutboundQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

        // Created with the injected clock so the close-handshake timeout follows a FakeTimeProvider in tests.
        _lifetime = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
    }

    public string SessionId { get; } = Guid.NewGuid().ToString();

    public AgentState Agent { get; }

    /// <summary>The hello that opened the session; null until the handshake is done.</summary>
    public HelloPayload? Hello { get; private set; }

    /// <summary>Completes when both loops have ended and the socket is gone.</summary>
    public Task Completion => _completion.Task;

    public bool IsClosing => Volatile.Read(ref _closeRequested) != 0;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _lifetime);
        var writer = WriteLoopAsync(_lifetime.Token);
        WebSocketCloseStatus? peerClose = null;
        try
        {
            peerClose = await ReadLoopAsync(_lifetime.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            ControlPlaneLog.SocketLost(_logger, SessionId, Agent.AgentId, ex);
        }
        finally
        {
            ReleaseAgentId();
            await FinishAsync(writer, peerClose);
        }
    }

    /// <summary>Queues a frame behind everything already queued; false once the session is closing or while it is silenced.</summary>
    public async ValueTask<bool> EnqueueAsync(OutboundFrame frame)
    {
        // Checked when queued, not when written, so "silent from now on" is exact: a test that silences the
        // agent and then makes it send a heartbeat knows that heartbeat goes unanswered.
        if (frame.Kind != OutboundKind.Close && Agent.Silent)
        {
            _services.Stats.FrameSuppressed();
            return false;
        }

        try
        {
            await _outbound.Writer.WriteAsync(frame, _lifetime.Token);
            return true;
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends a close with <paramref name="code"/> after what is already queued; frames read from then on are ignored.</summary>
    public async ValueTask CloseAsync(int code, string? reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        ReleaseAgentId();
        await EnqueueAsync(OutboundFrame.Close(code, reason));
        _outbound.Writer.TryComplete();
    }

    /// <summary>Drops the link without a close handshake, as a crashed peer or a cut cable would.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closeRequested, 1);
        ReleaseAgentId();
        _socket.Abort();
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended and was disposed: nothing left to abort.
        }
    }

    public void Dispose() => _lifetime.Dispose();

    /// <summary>Frees the agent id as soon as the session starts to end, so an immediate reconnect is not refused with 4002.</summary>
    private void ReleaseAgentId() => Agent.Release(this);

    /// <summary>Keeps a text frame for the tests; a frame read from the agent also marks when the agent was last heard.</summary>
    private void RecordFrame(FrameDirection direction, ReadOnlyMemory<byte> utf8)
    {
        var at = _time.GetUtcNow();
        _services.Frames.Record(Agent.AgentId, SessionId, direction, utf8, at);
        if (direction == FrameDirection.Received)
        {
            Agent.Heard(at);
        }
    }

    private async Task FinishAsync(Task writer, WebSocketCloseStatus? peerClose)
    {
        if (peerClose is { } status && Interlocked.Exchange(ref _closeRequested, 1) == 0)
        {
            // Echo the agent's close so its CloseAsync completes instead of timing out.
            await EnqueueAsync(OutboundFrame.Close((int)status, null));
        }

        _outbound.Writer.TryComplete();
        await writer;
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }

        Agent.LastAgentCloseCode = (int?)peerClose;
        _services.Lifecycle.Ended(this);
        _completion.TrySetResult();
    }
}
