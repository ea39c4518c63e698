namespace Agent.Sandbox.ControlPlane;

/// <summary>Settings of the control-plane emulator, bound from <c>Sandbox:ControlPlane</c>.</summary>
internal sealed class ControlPlaneOptions
{
    public const string SectionName = "Sandbox:ControlPlane";

    /// <summary>The bearer token agents must present; anything else is closed with 4001.</summary>
    public string Token { get; set; } = "sandbox-token";

    /// <summary>The heartbeat interval told to agents in <c>welcome</c>.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>
    /// The OpenMetadata server version announced in <c>welcome.serverVersion</c> (protocol §3, addition); unset sends
    /// none, as a control plane before the field does.
    /// </summary>
    public string? ServerVersion { get; set; }

    /// <summary>Agent ids closed with 4004 (agent disabled) right after the upgrade.</summary>
    public IList<string> DisabledAgents { get; set; } = [];

    /// <summary>Largest frame accepted from an agent; a larger one is closed with 1009 (protocol §1).</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public int CloseTimeoutSeconds { get; set; } = 5;

    /// <summary>Capacity of each session's outbound queue; a full queue makes senders wait.</summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>Text frames kept per agent id, both ways, for <c>GET /sandbox/agents/{id}/frames</c>; the oldest go first.</summary>
    public int RecordedFramesPerAgent { get; set; } = 1000;

    /// <summary>
    /// Sends <c>runs.reconcile</c> after welcoming a new instance of a known agent (protocol §7.1), and keeps the final
    /// states it returns that no <c>run.status</c> gave (<c>GET /sandbox/reconciled</c>).
    /// </summary>
    public bool ReconcileAfterRestart { get; set; } = true;

    /// <summary>How long the REST request routes wait for a result when the body names no timeout.</summary>
    public int DefaultRequestTimeoutSeconds { get; set; } = 30;
}
