namespace Agent.Core.Link;

/// <summary>The metric label of each <see cref="ReconnectReason"/>: few values, fixed, and what dashboards group by.</summary>
internal static class ReconnectReasonLabel
{
    public static string Of(ReconnectReason reason) => reason switch
    {
        ReconnectReason.Unauthorized => "unauthorized",
        ReconnectReason.DuplicateAgent => "duplicate_agent",
        ReconnectReason.UnsupportedVersion => "unsupported_version",
        ReconnectReason.Disabled => "disabled",
        ReconnectReason.Closed => "closed",
        ReconnectReason.Silent => "silent",
        ReconnectReason.ConnectFailed => "connect_failed",
        _ => "error",
    };
}
