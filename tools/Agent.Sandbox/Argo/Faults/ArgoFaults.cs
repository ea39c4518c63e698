using System.Collections.Concurrent;
using Agent.Sandbox.Faults;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// The emulator's fault switchboard: 503s (before or after the handler), latency with spikes, a failing watch route,
/// dropped watch streams, watches that end at once, "too old resource version" on resume, stops that are accepted but not acted on, and
/// oversized pod logs. The <see cref="ArgoFaultFilter"/> asks it what to do with each call.
/// </summary>
internal sealed class ArgoFaults(IOptions<ArgoFaultOptions> initial, ArgoEmulator emulator)
{
    private readonly FaultEngine<ArgoFaultOptions> _engine = new(initial.Value);
    private readonly ConcurrentDictionary<HttpContext, byte> _openWatches = new();
    private readonly ConcurrentDictionary<(string Namespace, string Name), byte> _ignoredStops = new();
    private long _watchFailures;
    private long _tooOld;
    private long _droppedWatches;
    private long _ignoredStopCount;
    private long _watchesEndedAtOnce;

    public ArgoFaultOptions Current => _engine.Current;

    public bool WatchFails => _engine.Locked(options => options.WatchFails);

    public bool WatchEndsAtOnce => _engine.Locked(options => options.WatchEndsAtOnce);

    public InjectedFaultCounts Counts => new(
        _engine.Errors, _engine.LostResponses, _engine.Delayed,
        Interlocked.Read(ref _watchFailures), Interlocked.Read(ref _tooOld), Interlocked.Read(ref _droppedWatches),
        Interlocked.Read(ref _ignoredStopCount), Interlocked.Read(ref _watchesEndedAtOnce));

    /// <summary>Replaces every fault setting at once; a new seed restarts the dice.</summary>
    public void Configure(ArgoFaultOptions options) => _engine.Configure(options);

    /// <summary>Switches every fault off (stops already ignored stay ignored until <see cref="ActOnStop"/>).</summary>
    public void Clear() => Configure(new ArgoFaultOptions());

    public FaultDecision Decide(string method, string template) => _engine.Decide(method, template);

    public void CountWatchFailure() => Interlocked.Increment(ref _watchFailures);

    public void CountWatchEndedAtOnce() => Interlocked.Increment(ref _watchesEndedAtOnce);

    /// <summary>True (once per configured count) when a resuming watch must be told its resourceVersion is too old.</summary>
    public bool TryTakeTooOldResourceVersion() => _engine.Locked(options =>
    {
        if (options.TooOldResourceVersions <= 0)
        {
            return false;
        }

        options.TooOldResourceVersions--;
        Interlocked.Increment(ref _tooOld);
        return true;
    });

    /// <summary>Tracks an open watch stream until the returned handle is disposed, so it can be dropped.</summary>
    public IDisposable TrackWatch(HttpContext context)
    {
        _openWatches[context] = 0;
        return new WatchRegistration(this, context);
    }

    /// <summary>Cuts every open watch connection without the in-band error: the client sees the stream break.</summary>
    public int DropWatches()
    {
        var dropped = 0;
        foreach (var context in _openWatches.Keys)
        {
            if (_openWatches.TryRemove(context, out _))
            {
                context.Abort();
                dropped++;
            }
        }

        Interlocked.Add(ref _droppedWatches, dropped);
        return dropped;
    }

    /// <summary>From now on a stop of this workflow is accepted (spec.shutdown is set) but the workflow keeps running.</summary>
    public void IgnoreStop(string @namespace, string name) => _ignoredStops[(@namespace, name)] = 0;

    public void ActOnStop(string @namespace, string name) => _ignoredStops.TryRemove((@namespace, name), out _);

    public bool IgnoresStop(string @namespace, string name)
    {
        var ignored = _ignoredStops.ContainsKey((@namespace, name));
        if (ignored)
        {
            Interlocked.Increment(ref _ignoredStopCount);
        }

        return ignored;
    }

    /// <summary>Appends lines to the workflow's main pod log (e.g. to make it span several pages); returns the new line count.</summary>
    public int AppendPodLog(string @namespace, string name, IReadOnlyCollection<string> lines)
    {
        return emulator.AppendMainLog(@namespace, name, lines);
    }

    /// <summary>
    /// Appends <paramref name="count"/> lines of <paramref name="length"/> characters made of <paramref name="fill"/>
    /// repeated (a multi-byte <paramref name="fill"/> puts multi-byte characters wherever a page border falls).
    /// </summary>
    public int AppendPodLog(string @namespace, string name, int count, int length, string fill)
    {
        var line = string.Concat(Enumerable.Repeat(fill, (length / Math.Max(1, fill.Length)) + 1))[..length];
        return AppendPodLog(@namespace, name, Enumerable.Range(0, count).Select(i => line).ToList());
    }

    private sealed class WatchRegistration(ArgoFaults faults, HttpContext context) : IDisposable
    {
        public void Dispose() => faults._openWatches.TryRemove(context, out _);
    }
}
