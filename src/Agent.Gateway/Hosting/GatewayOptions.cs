namespace Agent.Gateway.Hosting;

/// <summary>
/// Every setting of the gateway, bound from the operators' environment variables by their own names
/// (<see cref="ConfigurationKeyNameAttribute"/>), so a conversion error already names the variable.
/// <see cref="GatewayOptionsRules"/> checks them at start; the <c>_FILE</c> variants are read into their value by
/// <see cref="SecretFiles"/> first. Other slices read their timeouts and credentials from here.
/// </summary>
internal sealed class GatewayOptions
{
    public const string DefaultOpenMetadataVersion = "1.13.3";

    [ConfigurationKeyName("GATEWAY_PORT")]
    public int Port { get; set; } = 8080;

    [ConfigurationKeyName("GATEWAY_HOST")]
    public string Host { get; set; } = "0.0.0.0";

    [ConfigurationKeyName("GATEWAY_METRICS_PORT")]
    public int MetricsPort { get; set; } = 8989;

    [ConfigurationKeyName("GATEWAY_ADMIN_PORT")]
    public int AdminPort { get; set; } = 8587;

    /// <summary>Bearer key of the admin API; with it the admin port binds <see cref="Host"/>, without it loopback only. Never logged.</summary>
    [ConfigurationKeyName("GATEWAY_ADMIN_API_KEY")]
    public string? AdminApiKey { get; set; }

    [ConfigurationKeyName("GATEWAY_ADMIN_API_KEY_FILE")]
    public string? AdminApiKeyFile { get; set; }

    [ConfigurationKeyName("AIRFLOW_USERNAME")]
    public string? AirflowUsername { get; set; }

    [ConfigurationKeyName("AIRFLOW_PASSWORD")]
    public string? AirflowPassword { get; set; }

    [ConfigurationKeyName("AIRFLOW_PASSWORD_FILE")]
    public string? AirflowPasswordFile { get; set; }

    /// <summary>The <c>version</c> health-auth answers: its major.minor must equal the OpenMetadata server's.</summary>
    [ConfigurationKeyName("GATEWAY_OPENMETADATA_VERSION")]
    public string OpenMetadataVersion { get; set; } = DefaultOpenMetadataVersion;

    [ConfigurationKeyName("GATEWAY_AGENTS_FILE")]
    public string? AgentsFile { get; set; }

    /// <summary><c>sqlite</c> (one replica) or <c>postgres</c> (several).</summary>
    [ConfigurationKeyName("GATEWAY_STORE")]
    public string Store { get; set; } = "sqlite";

    [ConfigurationKeyName("GATEWAY_SQLITE_PATH")]
    public string SqlitePath { get; set; } = "/var/lib/agent-gateway/gateway.db";

    [ConfigurationKeyName("GATEWAY_POSTGRES_CONNECTION")]
    public string? PostgresConnection { get; set; }

    [ConfigurationKeyName("GATEWAY_POSTGRES_CONNECTION_FILE")]
    public string? PostgresConnectionFile { get; set; }

    /// <summary>Names this replica in the presence table and on the bus; a default is drawn once per process.</summary>
    [ConfigurationKeyName("GATEWAY_REPLICA_ID")]
    public string ReplicaId { get; set; } = DefaultReplicaId.Value;

    [ConfigurationKeyName("GATEWAY_DEPLOY_TIMEOUT_SECONDS")]
    public int DeployTimeoutSeconds { get; set; } = 15;

    [ConfigurationKeyName("GATEWAY_REQUEST_TIMEOUT_SECONDS")]
    public int RequestTimeoutSeconds { get; set; } = 10;

    [ConfigurationKeyName("GATEWAY_OPENMETADATA_TIMEOUT_SECONDS")]
    public int OpenMetadataTimeoutSeconds { get; set; } = 5;

    [ConfigurationKeyName("LOG_FORMAT")]
    public string LogFormat { get; set; } = "text";

    [ConfigurationKeyName("LOG_LEVEL")]
    public string LogLevel { get; set; } = "Information";

    public TimeSpan DeployTimeout => TimeSpan.FromSeconds(DeployTimeoutSeconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public TimeSpan OpenMetadataTimeout => TimeSpan.FromSeconds(OpenMetadataTimeoutSeconds);

    public bool IsPostgres => string.Equals(Store, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool AdminAuthEnabled => !string.IsNullOrWhiteSpace(AdminApiKey);

    /// <summary>Loopback without a key (reach it with <c>kubectl port-forward</c>); with one, where the public listener binds.</summary>
    public string AdminHost => AdminAuthEnabled ? Host : "127.0.0.1";

    private static class DefaultReplicaId
    {
        // Drawn once: the options may be rebuilt, the replica's name must not change under its presence claims.
        public static readonly string Value = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..6]}";
    }
}
