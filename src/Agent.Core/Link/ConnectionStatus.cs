namespace Agent.Core.Link;

internal enum ConnectionStatus
{
    /// <summary>Dialling or waiting for <c>welcome</c>.</summary>
    Connecting,

    /// <summary>Welcomed: requests flow.</summary>
    Connected,

    /// <summary>Between attempts, waiting out the backoff.</summary>
    Disconnected,

    /// <summary>Refused because another agent with this id is connected; waiting to take over.</summary>
    Standby,

    /// <summary>Refused for a reason that needs the operator (4001, 4003, 4004); still retrying slowly.</summary>
    Refused,

    /// <summary>The host is shutting down.</summary>
    Stopped,
}
