namespace Agent.Gateway.Hosting;

/// <summary>The gateway's three listeners.</summary>
internal enum ListenerKind
{
    /// <summary>GATEWAY_HOST:GATEWAY_PORT: the Airflow routes OpenMetadata calls and the agents' WebSocket endpoint.</summary>
    Public,

    /// <summary>GATEWAY_METRICS_PORT: <c>/metrics</c>, <c>/health</c>, <c>/ready</c>, unauthenticated.</summary>
    Metrics,

    /// <summary>GATEWAY_ADMIN_PORT: the admin API and Swagger UI.</summary>
    Admin,
}
