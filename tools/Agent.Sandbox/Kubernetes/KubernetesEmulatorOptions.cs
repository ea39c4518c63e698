using System.ComponentModel.DataAnnotations;

namespace Agent.Sandbox.Kubernetes;

/// <summary>Settings of the Kubernetes API emulator (<c>Sandbox:Kubernetes</c>).</summary>
internal sealed class KubernetesEmulatorOptions
{
    public const string SectionName = "Sandbox:Kubernetes";

    /// <summary>How many watch events the apiserver keeps to resume from; older resourceVersions answer 410.</summary>
    [Range(1, 1_000_000)]
    public int EventRetention { get; set; } = 1000;

    /// <summary>How long a new pod stays Pending before the kubelet starts its container; 0 starts it at once.</summary>
    [Range(0, 86400)]
    public double PendingSeconds { get; set; } = 1;

    /// <summary>How long a started container runs before the program ends.</summary>
    [Range(0, 86400)]
    public double RunningSeconds { get; set; } = 2;

    /// <summary>How often each watch that allowed bookmarks gets one (the apiserver sends them about once a minute).</summary>
    [Range(1, 86400)]
    public double BookmarkSeconds { get; set; } = 60;

    /// <summary>How a program ends when its config carries no <c>sandbox-outcome</c> marker.</summary>
    [RegularExpression("^(Succeeded|Failed|Error)$")]
    public string DefaultOutcome { get; set; } = "Succeeded";

    /// <summary>First delay between a failed Job pod and its replacement; it doubles per failure, capped at 6 min.</summary>
    [Range(0, 3600)]
    public double BackoffSeconds { get; set; } = 10;

    /// <summary>The bearer token the apiserver wants; empty accepts any request (the default, as in tests).</summary>
    public string Token { get; set; } = "";
}
