using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Link;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports the due time of every timer created on it (Task.Delay, the
/// reconnect wait, CancellationTokenSource timeouts), so a test advances the clock only once a wait is armed
/// instead of racing the code under test.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits until a welcomed session has armed its heartbeat timer and its silence watchdog: from then on,
    /// advancing the clock drives both instead of racing their creation.
    /// </summary>
    public async Task WaitForSessionTimersAsync(TimeSpan heartbeatInterval, CancellationToken cancellationToken)
    {
        await NextTimerAsync(due => due == heartbeatInterval, cancellationToken);
        await NextTimerAsync(due => due == 3 * heartbeatInterval, cancellationToken);
    }

    /// <summary>Waits for the next timer whose due time matches <paramref name="match"/>; others are skipped.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(cancellationToken);
            if (match(due))
            {
                return due;
            }
        }
    }
}
