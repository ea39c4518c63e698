using System.Diagnostics;
using Agent.Core.Connectivity;
using Agent.Core.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Agent.Core.Link;

/// <summary>
/// Keeps the agent connected for as long as the host runs. Each attempt dials, runs one session and, unless the
/// session was healthy for <see cref="HealthyAfter"/>, counts as a failure for the backoff; a healthy session
/// resets it. Nothing escapes except shutdown, because an exception leaving a BackgroundService stops the host.
/// </summary>
public sealed partial class ControlPlaneService : BackgroundService
{
    public static readonly TimeSpan HealthyAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least time the outbox flush gets on shutdown, after the grace period if in-flight work used it up. The
    /// host's shutdown timeout is the grace period plus this (AgentServicesExtensions).
    /// </summary>
    public static readonly TimeSpan FlushReserve = TimeSpan.FromSeconds(5);

    private readonly IControlPlaneConnector _connector;
    private readonly SessionServices _services;
    private readonly HelloFactory _hello;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger<ControlPlaneService> _logger;
    private SessionEnd? _lastEnd;

    public ControlPlaneService(
        IControlPlaneConnector connector, SessionServices services, HelloFactory hello, ReconnectBackoff backoff, ILogger<ControlPlaneService> logger)
    {
        _connector = connector;
        _services = services;
        _hello = hello;
        _backoff = backoff;
        _logger = logger;
        services.State.Changed += snapshot => services.Metrics.Connected.Set(snapshot.Status == ConnectionStatus.Connected ? 1 : 0);
        services.Outbox.DepthChanged += depth =>
        {
            services.Metrics.OutboxDepth.Set(depth);
            services.State.OutboxChanged(depth);
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnect = new ResiliencePipelineBuilder { TimeProvider = _services.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(_backoff.NextDelay(args.AttemptNumber, _lastEnd?.IsRefusal == true)),
                OnRetry = args =>
                {
                    Log.Reconnecting(_logger, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                    WaitingFor(args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReconnectRoundAsync(reconnect, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _services.State.Stopped();
        }
    }

    /// <summary>
    /// Dials, runs sessions and waits out back-offs until a healthy session ends or an operator cuts a wait short
    /// (<see cref="SessionControl.RequestReconnect"/>). The waits watch the round's own token; the sessions watch only
    /// <paramref name="stoppingToken"/>, so a cut wait can never end a session.
    /// </summary>
    private async Task ReconnectRoundAsync(ResiliencePipeline reconnect, CancellationToken stoppingToken)
    {
        var round = _services.Control.BeginReconnecting(stoppingToken);
        try
        {
            await reconnect.ExecuteAsync(_ => RunSessionAsync(stoppingToken), round.Token);
            var pause = _backoff.NextDelay(0, refused: false);
            WaitingFor(pause);
            await Task.Delay(pause, _services.TimeProvider, round.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var skipped = Math.Max(0, (_services.State.Current.NextAttemptAt - _services.TimeProvider.GetUtcNow())?.TotalSeconds ?? 0);
            var closeCode = _lastEnd?.CloseCode ?? 0;
            Log.BackoffCut(_logger, skipped, closeCode);
            _services.State.ReconnectRequested();
        }
        finally
        {
            _services.Control.EndReconnecting(round);
        }
    }

    /// <summary>The wait can be cut before the admin API shows it, so whoever sees <c>nextAttemptAt</c> can cut it.</summary>
    private void WaitingFor(TimeSpan delay)
    {
        _services.Control.Waiting();
        _services.State.Waiting(delay);
    }

    /// <summary>
    /// On SIGTERM: take no new requests, let in-flight ones finish within the grace period and hand back (answer
    /// 503) those that do not, flush the outbox while still connected, and only then close the link with 1001. The
    /// flush gets what is left of the grace, and never less than <see cref="FlushReserve"/>: in-flight work that used up
    /// the grace must not leave its own answers, the 503s and the run statuses of the drain, unsent.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var dispatcher = _services.Dispatcher;
        dispatcher.StopAccepting();
        var graceEnds = Stopwatch.GetTimestamp() + (long)(_services.Options.ShutdownGraceSeconds * (double)Stopwatch.Frequency);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(_services.Options.ShutdownGraceSeconds));
        Log.Draining(_logger, dispatcher.InFlight, _services.Outbox.Depth, _services.Options.ShutdownGraceSeconds);
        if (!await WaitUntilAsync(() => dispatcher.IsIdle, grace.Token))
        {
            Log.HandingBack(_logger, dispatcher.InFlight);
            dispatcher.HandBackInFlight();
            await WaitUntilAsync(() => dispatcher.IsIdle, cancellationToken);
        }

        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(FlushTime(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), graceEnds)));
        var flushed = await WaitUntilAsync(
            () => _services.Outbox.Depth == 0 || _services.State.Current.Status != ConnectionStatus.Connected, flush.Token);
        if (!flushed || _services.Outbox.Depth > 0)
        {
            Log.DrainIncomplete(_logger, dispatcher.InFlight, _services.Outbox.Depth);
        }

        await base.StopAsync(cancellationToken);
    }

    /// <summary>How long the flush may take, given what is left of the grace period (negative once it has run out).</summary>
    internal static TimeSpan FlushTime(TimeSpan graceLeft) => graceLeft > FlushReserve ? graceLeft : FlushReserve;

    /// <summary>Shutdown happens in real time whatever clock the agent runs on, so this polls with real delays.</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        try
        {
            while (!condition())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return condition();
        }
    }

    private async ValueTask RunSessionAsync(CancellationToken cancellationToken)
    {
        var options = _services.Options;
        _services.Control.Dialling();
        _services.State.Connecting(RedactedUrl.Of(options.ConnectUri));
        var end = await ConnectAndRunAsync(options.ConnectUri, cancellationToken);
        _lastEnd = end;
        if (end.Stopping)
        {
            return;
        }

        var status = end.CloseCode switch
        {
            CloseCodes.DuplicateAgent => ConnectionStatus.Standby,
            _ when end.IsRefusal => ConnectionStatus.Refused,
            _ => ConnectionStatus.Disconnected,
        };
        _services.State.Disconnected(status, end.CloseCode, end.Reason, countsAsReconnect: true);
        _services.Metrics.Reconnects.WithLabels(end.MetricReason).Inc();
        LogEnd(end, status);
        if (!end.Welcomed || end.IsRefusal || end.Duration < HealthyAfter)
        {
            throw new SessionFailedException(end.Reason);
        }
    }

    private async Task<SessionEnd> ConnectAndRunAsync(Uri uri, CancellationToken cancellationToken)
    {
        System.Net.WebSockets.WebSocket socket;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_services.Options.HandshakeTimeout);
            socket = await _connector.ConnectAsync(uri, timeout.Token);
        }
        catch (ControlPlaneRefusedException ex)
        {
            return new SessionEnd(ex.Message, ex.CloseCode, false, TimeSpan.Zero);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var url = RedactedUrl.Of(uri);
            var cause = FailureCause.Describe(ex, _services.Options.HandshakeTimeout);
            Log.ConnectFailed(_logger, ExceptionDetail.AtDebug(_logger, ex), url, cause);
            return new SessionEnd($"could not connect to {url}: {cause}", null, false, TimeSpan.Zero, DialFailed: true);
        }

        using (socket)
        {
            try
            {
                return await new ControlPlaneSession(socket, _services).RunAsync(await _hello.CreateAsync(cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A session never throws for link problems; this is an agent defect. Say so, and let the caller record
                // the session as ended, so the state never stays Connected over a dead session.
                Log.SessionFailed(_logger, ex);
                socket.Abort();
                return new SessionEnd($"agent error: {ex.Message}", null, false, TimeSpan.Zero);
            }
        }
    }

    private void LogEnd(SessionEnd end, ConnectionStatus status)
    {
        if (status == ConnectionStatus.Standby)
        {
            Log.Standby(_logger, end.Reason);
        }
        else if (status == ConnectionStatus.Refused)
        {
            Log.Refused(_logger, end.CloseCode ?? 0, end.Reason);
        }
        else if (!end.DialFailed)
        {
            // A failed dial was logged where it failed, with its cause.
            Log.SessionEnded(_logger, end.Reason, end.Duration.TotalSeconds);
        }
    }
}
