using System.ComponentModel.DataAnnotations;

namespace Agent.Sandbox.Faults;

/// <summary>
/// The faults every emulated API injects into its own calls (the Argo Server's and the Kubernetes API server's), decided
/// per call by a <see cref="FaultEngine{TOptions}"/>. Each emulator derives its settings from it and adds its own.
/// All off by default.
/// </summary>
internal abstract class FaultOptions
{
    /// <summary>Share of calls answered 503 before the handler runs (nothing happened).</summary>
    [Range(0.0, 1.0)]
    public double ErrorRate { get; set; }

    /// <summary>Share of calls answered 503 after the handler ran: the effect (e.g. a create) stays, the answer is lost.</summary>
    [Range(0.0, 1.0)]
    public double LostResponseRate { get; set; }

    /// <summary>
    /// Routes the error and latency faults apply to, in the emulator's spelling (see its options); empty means every
    /// API route.
    /// </summary>
    public List<string> Routes { get; set; } = [];

    /// <summary>Latency added to every selected call, in milliseconds.</summary>
    [Range(0, 60_000)]
    public int LatencyMs { get; set; }

    /// <summary>Share of selected calls that get <see cref="SpikeMs"/> more on top of <see cref="LatencyMs"/>.</summary>
    [Range(0.0, 1.0)]
    public double SpikeRate { get; set; }

    [Range(0, 60_000)]
    public int SpikeMs { get; set; }

    /// <summary>When set, the watch route answers 503 before its headers, so clients must fall back to listing.</summary>
    public bool WatchFails { get; set; }

    /// <summary>When set, every watch gets its 200 headers and then ends at once, without an event: a watch that can never stay open.</summary>
    public bool WatchEndsAtOnce { get; set; }

    /// <summary>Seed of the fault dice, so a failing run can be replayed; random when unset.</summary>
    public int? Seed { get; set; }

    /// <summary>Copies every setting, the derived ones too, onto <paramref name="target"/> (the engine hands out copies only).</summary>
    public virtual void CopyTo(FaultOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.ErrorRate = ErrorRate;
        target.LostResponseRate = LostResponseRate;
        target.Routes = [.. Routes];
        target.LatencyMs = LatencyMs;
        target.SpikeRate = SpikeRate;
        target.SpikeMs = SpikeMs;
        target.WatchFails = WatchFails;
        target.WatchEndsAtOnce = WatchEndsAtOnce;
        target.Seed = Seed;
    }
}
