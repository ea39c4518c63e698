using System.Collections.Concurrent;
using Agent.Sandbox.Faults;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// The Kubernetes API's fault switchboard, on the dice the Argo emulator uses too: 503s before or after the handler,
/// latency with spikes, a failing watch route or watches that end at once, and a count of every call by
/// <see cref="KubeCall"/>. The <see cref="KubernetesFaultFilter"/> asks it what to do with each call.
/// </summary>
internal sealed class KubernetesFaults(IOptions<KubernetesFaultOptions> initial)
{
    private readonly FaultEngine<KubernetesFaultOptions> _engine = new(initial.Value);
    private readonly ConcurrentDictionary<string, long> _requests = new();
    private long _watchFailures;
    private long _watchesEndedAtOnce;

    public KubernetesFaultOptions Current => _engine.Current;

    public bool WatchFails => _engine.Locked(options => options.WatchFails);

    public bool WatchEndsAtOnce => _engine.Locked(options => options.WatchEndsAtOnce);

    public KubernetesFaultCounts Counts => new(
        _engine.Errors, _engine.LostResponses, _engine.Delayed,
        Interlocked.Read(ref _watchFailures), Interlocked.Read(ref _watchesEndedAtOnce),
        new SortedDictionary<string, long>(_requests, StringComparer.Ordinal));

    /// <summary>Replaces every fault setting at once; a new seed restarts the dice. The counts go on.</summary>
    public void Configure(KubernetesFaultOptions options) => _engine.Configure(options);

    /// <summary>Switches every fault off; the counts go on.</summary>
    public void Clear() => Configure(new KubernetesFaultOptions());

    /// <summary>Counts the call, then decides its fate.</summary>
    public FaultDecision Decide(KubeCall call)
    {
        _requests.AddOrUpdate(call.ToString(), 1, (_, count) => count + 1);
        return _engine.Decide(call.Verb, call.Resource);
    }

    public void CountWatchFailure() => Interlocked.Increment(ref _watchFailures);

    public void CountWatchEndedAtOnce() => Interlocked.Increment(ref _watchesEndedAtOnce);
}
