using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>
/// Why a session ended, and whether it had been welcomed long enough to reset the backoff. <see cref="DialFailed"/>: no
/// connection was made at all (already logged with its cause where the dial failed). <see cref="Silent"/>: the watchdog
/// ended it because nothing came from the control plane.
/// </summary>
internal sealed record SessionEnd(
    string Reason, int? CloseCode, bool Welcomed, TimeSpan Duration, bool Stopping = false, bool DialFailed = false, bool Silent = false)
{
    public bool IsRefusal => CloseCode is CloseCodes.Unauthorized or CloseCodes.DuplicateAgent or CloseCodes.UnsupportedProtocolVersion or CloseCodes.AgentDisabled;

    /// <summary>Whether the next attempt may come at once: welcomed, not refused, and up for at least <paramref name="healthyAfter"/>.</summary>
    public bool WasHealthy(TimeSpan healthyAfter) => Welcomed && !IsRefusal && Duration >= healthyAfter;

    /// <summary>The reason for the reconnects metric.</summary>
    public ReconnectReason MetricReason => CloseCode switch
    {
        CloseCodes.Unauthorized => ReconnectReason.Unauthorized,
        CloseCodes.DuplicateAgent => ReconnectReason.DuplicateAgent,
        CloseCodes.UnsupportedProtocolVersion => ReconnectReason.UnsupportedVersion,
        CloseCodes.AgentDisabled => ReconnectReason.Disabled,
        not null => ReconnectReason.Closed,
        null when Silent => ReconnectReason.Silent,
        null when !Welcomed => ReconnectReason.ConnectFailed,
        _ => ReconnectReason.Error,
    };
}
