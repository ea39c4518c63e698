using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>
/// Why a session ended, and whether it had been welcomed long enough to reset the backoff. <see cref="DialFailed"/>: no
/// connection was made at all (already logged with its cause where the dial failed).
/// </summary>
public sealed record SessionEnd(string Reason, int? CloseCode, bool Welcomed, TimeSpan Duration, bool Stopping = false, bool DialFailed = false)
{
    public bool IsRefusal => CloseCode is CloseCodes.Unauthorized or CloseCodes.DuplicateAgent or CloseCodes.UnsupportedProtocolVersion or CloseCodes.AgentDisabled;

    /// <summary>Short reason for the reconnects metric label (low cardinality).</summary>
    public string MetricReason => CloseCode switch
    {
        CloseCodes.Unauthorized => "unauthorized",
        CloseCodes.DuplicateAgent => "duplicate_agent",
        CloseCodes.UnsupportedProtocolVersion => "unsupported_version",
        CloseCodes.AgentDisabled => "disabled",
        not null => "closed",
        null when Reason.StartsWith("silent", StringComparison.Ordinal) => "silent",
        null when !Welcomed => "connect_failed",
        _ => "error",
    };
}
