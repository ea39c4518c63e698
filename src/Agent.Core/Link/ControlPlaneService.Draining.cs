using System.Diagnostics;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneService
{
    /// <summary>
    /// On SIGTERM: take no new requests, let in-flight ones finish within the grace period and hand back (answer
    /// 503) those that do not, flush the outbox while still connected, and only then close the link with 1001. The
    /// flush gets what is left of the grace, and never less than <see cref="FlushReserve"/>: in-flight work that used up
    /// the grace must not leave its own answers, the 503s and the run statuses of the drain, unsent.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var requests = _services.Requests;
        requests.StopAccepting();
        var graceEnds = Stopwatch.GetTimestamp() + (long)(_services.Options.ShutdownGraceSeconds * (double)Stopwatch.Frequency);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(_services.Options.ShutdownGraceSeconds));
        Log.Draining(_logger, requests.InFlight, _services.Outbox.Depth, _services.Options.ShutdownGraceSeconds);
        if (!await WaitUntilAsync(() => requests.IsIdle, grace.Token))
        {
            Log.HandingBack(_logger, requests.InFlight);
            requests.HandBackInFlight();
            await WaitUntilAsync(() => requests.IsIdle, cancellationToken);
        }

        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(FlushTime(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), graceEnds)));
        var flushed = await WaitUntilAsync(
            () => _services.Outbox.Depth == 0 || _services.State.Current.Status != ConnectionStatus.Connected, flush.Token);
        if (!flushed || _services.Outbox.Depth > 0)
        {
            Log.DrainIncomplete(_logger, requests.InFlight, _services.Outbox.Depth);
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
}
