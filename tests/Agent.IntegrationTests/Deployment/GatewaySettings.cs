namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// The gateway's environment variables, as the issue-15 design table fixes them (docs/gateway.md "Gateway settings"
/// must list exactly these). The hosting slice's own list of names replaces this copy once it exists.
/// </summary>
internal static class GatewaySettings
{
    /// <summary>Values that must come from a Secret (or the operator's shell), never from a file in the repository.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.Ordinal)
    {
        "GATEWAY_ADMIN_API_KEY", "GATEWAY_ADMIN_API_KEY_FILE", "AIRFLOW_PASSWORD", "AIRFLOW_PASSWORD_FILE",
        "GATEWAY_POSTGRES_CONNECTION", "GATEWAY_POSTGRES_CONNECTION_FILE",
    };

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Secrets, StringComparer.Ordinal)
    {
        "GATEWAY_PORT", "GATEWAY_HOST", "GATEWAY_METRICS_PORT", "GATEWAY_ADMIN_PORT", "AIRFLOW_USERNAME",
        "GATEWAY_OPENMETADATA_VERSION", "GATEWAY_AGENTS_FILE", "GATEWAY_STORE", "GATEWAY_SQLITE_PATH", "GATEWAY_REPLICA_ID", "GATEWAY_PRESENCE_TTL_SECONDS",
        "GATEWAY_DEPLOY_TIMEOUT_SECONDS", "GATEWAY_REQUEST_TIMEOUT_SECONDS", "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS",
        "LOG_FORMAT", "LOG_LEVEL",
    };
}
