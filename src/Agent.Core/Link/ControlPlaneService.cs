using Agent.Core.Connectivity;
using Agent.Core.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Link;

/// <summary>
/// Keeps the agent connected for as long as the host runs. Each attempt dials, runs one session and, unless the
/// session was healthy for <see cref="HealthyAfter"/>, counts as a failure for the backoff; a healthy session
/// resets it. Nothing escapes except shutdown, because an exception leaving a BackgroundService stops the host.
/// </summary>
internal sealed partial class ControlPlaneService : BackgroundService
{
    public static readonly TimeSpan HealthyAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least time the outbox flush gets on shutdown, after the grace period if in-flight work used it up. The
    /// host's shutdown timeout is the grace period plus this (AgentServicesExtensions).
    /// </summary>
    public static readonly TimeSpan FlushReserve = TimeSpan.FromSeconds(5);

    private readonly IControlPlaneConnector _connector;
    private readonly SessionServices _services;
    private readonly IHelloProvider _hello;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger<ControlPlaneService> _logger;

    public ControlPlaneService(
        IControlPlaneConnector connector, SessionServices services, IHelloProvider hello, ReconnectBackoff backoff, ILogger<ControlPlaneService> logger)
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
        ControlPlaneStartupLog.Describe(_logger, _services.Options);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReconnectRoundAsync(stoppingToken);
            }
        }
        finally
        {
            _services.State.Stopped();
        }
    }

    /// <summary>
    /// Dials, runs sessions and waits out back-offs until a healthy session ends or an operator cuts a wait short
    /// (<see cref="SessionControl.RequestReconnect"/>); the next round starts the backoff over. The waits watch the
    /// round's own token; the sessions watch only <paramref name="stoppingToken"/>, so a cut wait can never end a session.
    /// </summary>
    private async Task ReconnectRoundAsync(CancellationToken stoppingToken)
    {
        var round = _services.Control.BeginReconnecting(stoppingToken);
        try
        {
            for (var failures = 0; ; failures++)
            {
                var end = await AttemptAsync(stoppingToken);
                if (end.Stopping)
                {
                    return;
                }

                if (end.WasHealthy(HealthyAfter))
                {
                    await WaitAsync(_backoff.NextDelay(0, refused: false), end, round, stoppingToken);
                    return;
                }

                var delay = _backoff.NextDelay(failures, end.IsRefusal);
                Log.Reconnecting(_logger, delay.TotalSeconds, failures + 1);
                if (!await WaitAsync(delay, end, round, stoppingToken))
                {
                    return;
                }
            }
        }
        finally
        {
            _services.Control.EndReconnecting(round);
        }
    }

    /// <summary>
    /// Waits out one back-off; false when it was cut short, by shutdown or by an operator. A cut that lands just as
    /// the wait ends still counts: the operator was told the agent would dial at once.
    /// </summary>
    private async Task<bool> WaitAsync(TimeSpan delay, SessionEnd last, CancellationTokenSource round, CancellationToken stoppingToken)
    {
        // The wait can be cut before the admin API shows it, so whoever sees nextAttemptAt can cut it.
        _services.Control.Waiting();
        _services.State.Waiting(delay);
        await Task.Delay(delay, _services.TimeProvider, round.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!round.IsCancellationRequested)
        {
            return true;
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            var skipped = Math.Max(0, (_services.State.Current.NextAttemptAt - _services.TimeProvider.GetUtcNow())?.TotalSeconds ?? 0);
            Log.BackoffCut(_logger, skipped, last.CloseCode ?? 0);
            _services.State.ReconnectRequested();
        }

        return false;
    }

    /// <summary>
    /// One dial and session, recorded in the state, the metric and the log. A defect outside the session (a failing
    /// state listener) counts as a failed attempt, so the loop goes on.
    /// </summary>
    private async Task<SessionEnd> AttemptAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await RunSessionAsync(stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown cut the dial or the hello short.
            return new SessionEnd("agent shutting down", null, false, TimeSpan.Zero, Stopping: true);
        }
        catch (Exception ex)
        {
            Log.SessionFailed(_logger, ex);
            return new SessionEnd($"agent error: {ex.Message}", null, false, TimeSpan.Zero);
        }
    }

    private async Task<SessionEnd> RunSessionAsync(CancellationToken cancellationToken)
    {
        var options = _services.Options;
        _services.Control.Dialling();
        _services.State.Connecting(RedactedUrl.Of(options.ConnectUri));
        var end = await ConnectAndRunAsync(options.ConnectUri, cancellationToken);
        if (end.Stopping)
        {
            return end;
        }

        var status = end.CloseCode switch
        {
            CloseCodes.DuplicateAgent => ConnectionStatus.Standby,
            _ when end.IsRefusal => ConnectionStatus.Refused,
            _ => ConnectionStatus.Disconnected,
        };
        _services.State.Disconnected(status, end.CloseCode, end.Reason, countsAsReconnect: true);
        _services.Metrics.Reconnects.WithLabels(ReconnectReasonLabel.Of(end.MetricReason)).Inc();
        LogEnd(end, status);
        return end;
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
