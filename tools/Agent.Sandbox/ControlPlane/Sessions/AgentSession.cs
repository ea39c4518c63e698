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
    private readonly WebSocket socket;
    private readonly ControlPlaneServer server;
    private readonly ControlPlaneOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Channel<OutboundFrame> outbound;
    private readonly CancellationTokenSource lifetime;
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int closeRequested;

    public AgentSession(
        WebSocket socket, AgentState agent, ControlPlaneServer server, ControlPlaneOptions options, TimeProvider time, ILogger logger)
    {
        this.socket = socket;
        this.server = server;
        this.options = options;
        this.time = time;
        this.logger = logger;
        Agent = agent;
        outbound = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(options.OutboundQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

        // Created with the injected clock so the close-handshake timeout follows a FakeTimeProvider in tests.
        lifetime = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    public string SessionId { get; } = Guid.NewGuid().ToString();

    public AgentState Agent { get; }

    /// <summary>The hello that opened the session; null until the handshake is done.</summary>
    public HelloPayload? Hello { get; private set; }

    /// <summary>Completes when both loops have ended and the socket is gone.</summary>
    public Task Completion => completion.Task;

    public bool IsClosing => Volatile.Read(ref closeRequested) != 0;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), lifetime);
        var writer = WriteLoopAsync(lifetime.Token);
        WebSocketCloseStatus? peerClose = null;
        try
        {
            peerClose = await ReadLoopAsync(lifetime.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            ControlPlaneLog.SocketLost(logger, SessionId, Agent.AgentId, ex);
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
            server.Stats.FrameSuppressed();
            return false;
        }

        try
        {
            await outbound.Writer.WriteAsync(frame, lifetime.Token);
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
        if (Interlocked.Exchange(ref closeRequested, 1) != 0)
        {
            return;
        }

        ReleaseAgentId();
        await EnqueueAsync(OutboundFrame.Close(code, reason));
        outbound.Writer.TryComplete();
    }

    /// <summary>Drops the link without a close handshake, as a crashed peer or a cut cable would.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref closeRequested, 1);
        ReleaseAgentId();
        socket.Abort();
        try
        {
            lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended and was disposed: nothing left to abort.
        }
    }

    public void Dispose() => lifetime.Dispose();

    /// <summary>Frees the agent id as soon as the session starts to end, so an immediate reconnect is not refused with 4002.</summary>
    private void ReleaseAgentId() => Agent.Release(this);

    private async Task FinishAsync(Task writer, WebSocketCloseStatus? peerClose)
    {
        if (peerClose is { } status && Interlocked.Exchange(ref closeRequested, 1) == 0)
        {
            // Echo the agent's close so its CloseAsync completes instead of timing out.
            await EnqueueAsync(OutboundFrame.Close((int)status, null));
        }

        outbound.Writer.TryComplete();
        await writer;
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }

        Agent.LastAgentCloseCode = (int?)peerClose;
        server.OnSessionEnded(this);
        completion.TrySetResult();
    }
}
