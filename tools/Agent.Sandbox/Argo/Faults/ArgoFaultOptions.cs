using System.ComponentModel.DataAnnotations;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// Faults the emulator injects into its own Argo API (<c>/api/v1</c>), bound from <c>Sandbox:Argo:Faults</c> at start and
/// replaced at run time through <c>POST /sandbox/argo/faults</c> or <see cref="ArgoFaults.Configure"/>. All off by default.
/// </summary>
internal sealed class ArgoFaultOptions
{
    public const string SectionName = "Sandbox:Argo:Faults";

    /// <summary>Share of calls answered 503 <c>{"code":14,…}</c> before the handler runs (nothing happened).</summary>
    [Range(0.0, 1.0)]
    public double ErrorRate { get; set; }

    /// <summary>Share of calls answered 503 after the handler ran: the effect (e.g. a create) stays, the answer is lost.</summary>
    [Range(0.0, 1.0)]
    public double LostResponseRate { get; set; }

    /// <summary>
    /// Routes the error and latency faults apply to, as <c>"METHOD /api/v1/template"</c> or just the template (e.g.
    /// <c>/api/v1/workflows/{namespace}</c>); empty means every Argo API route.
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

    /// <summary>
    /// When set, every watch gets its 200 headers and then, at once and without an event, the in-band ResourceExhausted
    /// end Argo sends when its Kubernetes watch closes (Argo v4.1.2 server/workflow/workflow_server.go, WatchWorkflows:
    /// <c>ToStatusError(io.EOF, codes.ResourceExhausted)</c>): a watch that can never stay open.
    /// </summary>
    public bool WatchEndsAtOnce { get; set; }

    /// <summary>The next this-many watches that resume from a resourceVersion get the in-band "too old resource version" error.</summary>
    [Range(0, int.MaxValue)]
    public int TooOldResourceVersions { get; set; }

    /// <summary>Seed of the fault dice, so a failing run can be replayed; random when unset.</summary>
    public int? Seed { get; set; }
}
