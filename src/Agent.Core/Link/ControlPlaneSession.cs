using System.Net.WebSockets;
using System.Threading.Channels;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Link;

/// <summary>
/// One connection's life: hello/welcome, then a reader, a writer, the outbox pump, heartbeats and a silence
/// watchdog running side by side. The first loop to end ends them all; <see cref="RunAsync"/> never throws for
/// link problems, it reports them in the returned <see cref="SessionEnd"/>.
/// </summary>
internal sealed partial class ControlPlaneSession
{
    private readonly WebSocket _socket;
    private readonly SessionServices _services;
    private readonly FrameReader _reader;
    // Synchronous continuations: the thread that writes a frame goes on to send it when the send loop is idle,
    // instead of waking another thread for it (bench: dispatch). A send that must wait still returns to the writer.
    private readonly Channel<OutgoingFrame> _outgoing = Channel.CreateBounded<OutgoingFrame>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait, AllowSynchronousContinuations = true });

    private readonly Lock _endGate = new();
    private string? _endReason;
    private int? _endCloseCode;
    private bool _endSilent;
    private long _lastFrameTimestamp;

    public ControlPlaneSession(WebSocket socket, SessionServices services)
    {
        _socket = socket;
        _services = services;
        _reader = new FrameReader(socket, services.Options.MaxMessageBytes);
    }

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private TimeProvider Time => _services.TimeProvider;

    public async Task<SessionEnd> RunAsync(HelloPayload hello, CancellationToken stoppingToken)
    {
        var started = Time.GetTimestamp();
        if (await HandshakeAsync(hello, stoppingToken) is not { } welcomeMessage)
        {
            await CloseAsync(stoppingToken.IsCancellationRequested);
            return EndOf(welcomed: false, started, stoppingToken);
        }

        var (welcomeId, welcome) = welcomeMessage;

        _services.State.Connected(welcome.SessionId);
        var ackedSeq = AcceptAckedSeq(welcome.AckedSeq, welcomeId);
        _services.Outbox.Acknowledge(ackedSeq);
        var interval = TimeSpan.FromSeconds(AcceptHeartbeatSeconds(welcome.HeartbeatSeconds, welcomeId));
        AnnounceServerVersion(welcome.ServerVersion, welcomeId);
        Log.Welcomed(_services.Logger, welcome.SessionId, ackedSeq, (int)interval.TotalSeconds, _services.Outbox.Depth);

        // Every log line of this session, and of the requests it receives, carries the session id.
        using var scope = _services.Logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = welcome.SessionId });
        var operatorControl = _services.Control.BeginSession();
        using var session = new CancellationTokenSource();

        // The reason first, then the cancel, in one callback. A session source linked to the operator's token cancelled
        // first (callbacks run last registered first): the loops then ended on the admin request's thread and the session
        // was over, its reason "connection ended", before a separate reason callback ran.
        using var reconnectRequested = operatorControl.Token.Register(() =>
        {
            Finish("reconnect requested by an operator");
            session.Cancel();
        });
        _services.Progress.Start(LoopProgress.Receive, interval);
        _services.Progress.Start(LoopProgress.Send, interval);
        try
        {

            // Shutdown is not a plain cancellation: cancelling a pending receive aborts the socket, and the close
            // frame (1001) would never go out. Instead the writer sends the close and the reader waits for the reply.
            var goingAway = Task.CompletedTask;
            var stopping = stoppingToken.Register(() => goingAway = GoAwayAsync(session));
            Task[] loops =
            [
                GuardAsync(ReceiveLoopAsync(session.Token), "receive", session.Token),
                GuardAsync(SendLoopAsync(session.Token), "send", session.Token),
                GuardAsync(PumpOutboxAsync(ackedSeq, session.Token), "outbox", session.Token),
                GuardAsync(HeartbeatLoopAsync(interval, session.Token), "heartbeat", session.Token),
                GuardAsync(WatchdogAsync(interval, session.Token), "watchdog", session.Token),
            ];
            await Task.WhenAny(loops);
            await session.CancelAsync();
            await Task.WhenAll(loops);
            await stopping.DisposeAsync();
            await goingAway;
        }
        finally
        {
            _services.Progress.Stop(LoopProgress.Receive);
            _services.Progress.Stop(LoopProgress.Send);
            reconnectRequested.Unregister();
            _services.Control.EndSession(operatorControl);
        }

        await CloseAsync(stoppingToken.IsCancellationRequested);
        return EndOf(welcomed: true, started, stoppingToken);
    }

    /// <summary>
    /// A loop that fails in a way it does not expect ends the session with the cause logged, so the state never says
    /// Connected over dead loops and the reconnect loop starts a fresh session.
    /// </summary>
    private async Task GuardAsync(Task loop, string name, CancellationToken sessionToken)
    {
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !sessionToken.IsCancellationRequested)
        {
            Log.LoopFailed(_services.Logger, name, ex);
            Finish($"agent error in its {name} loop: {ex.Message}");
        }
    }

    /// <summary>Queues the 1001 close behind what is already queued; ends the session if the server does not answer it in time.</summary>
    private async Task GoAwayAsync(CancellationTokenSource session)
    {
        Finish("agent shutting down");
        try
        {
            await _outgoing.Writer.WriteAsync(OutgoingFrame.GoingAway, session.Token);
            await Task.Delay(CloseTimeout, Time, session.Token);
            await session.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // The session already ended, normally when the reader received the server's close.
        }
    }

    /// <summary>Records the first reason the session ends; later ones are consequences of it.</summary>
    private void Finish(string reason, int? closeCode = null, bool silent = false)
    {
        lock (_endGate)
        {
            if (_endReason is null)
            {
                _endReason = reason;
                _endCloseCode = closeCode;
                _endSilent = silent;
            }
        }
    }

    private SessionEnd EndOf(bool welcomed, long started, CancellationToken stoppingToken)
    {
        var stopping = stoppingToken.IsCancellationRequested;
        Finish(stopping ? "agent shutting down" : "connection ended");
        lock (_endGate)
        {
            return new SessionEnd(_endReason!, _endCloseCode, welcomed, Time.GetElapsedTime(started), stopping, Silent: _endSilent);
        }
    }

    private void MarkFrameReceived()
    {
        _services.Progress.Beat(LoopProgress.Receive);
        Volatile.Write(ref _lastFrameTimestamp, Time.GetTimestamp());
        _services.State.FrameReceived();
    }

    private async Task CloseAsync(bool stopping)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout, Time);
            if (_socket.State == WebSocketState.Open && stopping)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "agent shutting down", timeout.Token);
            }
            else if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            else
            {
                _socket.Abort();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }
}
