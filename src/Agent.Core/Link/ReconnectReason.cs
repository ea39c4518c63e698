namespace Agent.Core.Link;

/// <summary>Why a session ended and the agent reconnects: the <c>reason</c> of the reconnects metric (<see cref="ReconnectReasonLabel"/>).</summary>
internal enum ReconnectReason
{
    /// <summary>Closed with 4001: the token was refused.</summary>
    Unauthorized,

    /// <summary>Closed with 4002: another agent holds this id.</summary>
    DuplicateAgent,

    /// <summary>Closed with 4003, or the agent ended it: no protocol version in common.</summary>
    UnsupportedVersion,

    /// <summary>Closed with 4004: the agent is disabled in the control plane.</summary>
    Disabled,

    /// <summary>Closed with any other code.</summary>
    Closed,

    /// <summary>Nothing came from the control plane for three heartbeat intervals.</summary>
    Silent,

    /// <summary>No session was made: the dial or the handshake failed.</summary>
    ConnectFailed,

    /// <summary>A welcomed session broke without a close code.</summary>
    Error,
}
