namespace Agent.Core.Execution;

/// <summary>
/// The wait between watches that failed or ended at once: doubling from half a second up to the poll interval, each
/// delay drawn between half and all of that step so that agents restarted together do not list in step. The poll
/// interval caps it because while watching fails, the list made before each new watch is what carries status.
/// </summary>
internal sealed class WatchBackoff(TimeSpan maxDelay)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    private int _failures;

    /// <summary>The delay before the next attempt; each call without a <see cref="Reset"/> between doubles the step.</summary>
    public TimeSpan Next()
    {
        var step = FirstDelay * Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        var capped = step < maxDelay ? step : maxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    /// <summary>Waits <paramref name="delay"/>; a shutdown ends the wait quietly, and the caller's loop ends on the token.</summary>
    public static async Task PauseAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>A watch lived: the next failure starts from the first step again.</summary>
    public void Reset() => _failures = 0;
}
