using System.Collections.Concurrent;

namespace Agent.Core.Link;

/// <summary>
/// Liveness evidence from the loops that must keep moving while connected: the receive loop sees at least a
/// heartbeat.ack per interval and the send loop sends at least a heartbeat. A loop silent for three intervals is
/// stuck — for the send loop, something the silence watchdog cannot see while frames still arrive.
/// </summary>
internal sealed class LoopProgress(TimeProvider timeProvider)
{
    public const string Receive = "receive";
    public const string Send = "send";

    private readonly ConcurrentDictionary<string, (TimeSpan Expected, long LastBeat)> _loops = new(StringComparer.Ordinal);

    public void Start(string loop, TimeSpan expectedInterval) => _loops[loop] = (expectedInterval, timeProvider.GetTimestamp());

    public void Beat(string loop)
    {
        if (_loops.TryGetValue(loop, out var state))
        {
            _loops[loop] = state with { LastBeat = timeProvider.GetTimestamp() };
        }
    }

    public void Stop(string loop) => _loops.TryRemove(loop, out _);

    /// <summary>Loops that made no progress for three of their expected intervals, with how long they have been silent.</summary>
    public IReadOnlyList<(string Loop, TimeSpan SilentFor)> Stalled() =>
        [.. _loops
            .Select(pair => (Loop: pair.Key, SilentFor: timeProvider.GetElapsedTime(pair.Value.LastBeat), pair.Value.Expected))
            .Where(loop => loop.SilentFor > loop.Expected * 3)
            .Select(loop => (loop.Loop, loop.SilentFor))];
}
