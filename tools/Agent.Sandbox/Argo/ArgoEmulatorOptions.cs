using System.ComponentModel.DataAnnotations;

namespace Agent.Sandbox.Argo;

/// <summary>Settings of the Argo Server emulator, bound from <c>Sandbox:Argo</c>.</summary>
internal sealed class ArgoEmulatorOptions
{
    public const string SectionName = "Sandbox:Argo";

    /// <summary>When set, every request must carry <c>Authorization: Bearer &lt;Token&gt;</c>; when empty, auth is off.</summary>
    public string? Token { get; set; }

    /// <summary>Seconds each pod stays Pending (<c>ContainerCreating</c>) before its container starts. Zero moves on at once.</summary>
    [Range(0, 86_400)]
    public double PendingSeconds { get; set; } = 0.2;

    /// <summary>Seconds the entry template's container runs before it exits.</summary>
    [Range(0, 86_400)]
    public double RunningSeconds { get; set; } = 1.0;

    /// <summary>Seconds the exit handler's (<c>spec.onExit</c>) container runs before it exits; the workflow stays Running meanwhile.</summary>
    [Range(0, 86_400)]
    public double ExitHandlerSeconds { get; set; } = 0.5;

    /// <summary>Seconds each workflow create waits before it is handled, like a slow or overloaded Argo Server. Zero answers at once.</summary>
    [Range(0, 3_600)]
    public double CreateDelaySeconds { get; set; }

    /// <summary>How a container whose program's own checks pass ends, unless its config asks otherwise (see <c>OutcomeMarker</c>).</summary>
    [AllowedValues("Succeeded", "Failed", "Error")]
    public string DefaultOutcome { get; set; } = "Succeeded";

    /// <summary>Reported by <c>/api/v1/version</c> and the <c>Grpc-Metadata-Argo-Version</c> header.</summary>
    [Required]
    public string Version { get; set; } = "v4.1.2";

    /// <summary>Interval of the <c>:</c> comment lines on SSE streams (Argo sends one every 15 s).</summary>
    [Range(0.001, 3_600)]
    public double SseKeepAliveSeconds { get; set; } = 15;

    /// <summary>Watch events kept so a watch can resume from an older <c>resourceVersion</c>; older ones get "too old".</summary>
    [Range(1, 10_000_000)]
    public int EventRetention { get; set; } = 10_000;
}
