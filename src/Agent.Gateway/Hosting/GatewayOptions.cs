using Agent.Gateway.Airflow;
using Agent.Gateway.Store;

namespace Agent.Gateway.Hosting;

/// <summary>
/// Every setting of the gateway, bound from the operators' environment variables by their own names
/// (<see cref="ConfigurationKeyNameAttribute"/>), so a conversion error already names the variable.
/// <see cref="GatewaySettings"/> reads them once (the only place a variable is read), <see cref="SecretFiles"/> reads
/// the <c>_FILE</c> variants into their value, and <see cref="GatewayOptionsRules"/> checks them at start. Every slice
/// reads its settings from this one instance.
/// </summary>
internal sealed class GatewayOptions
{
    /// <summary>The pinned release (<see cref="OpenMetadataRelease.Version"/>), unless GATEWAY_OPENMETADATA_VERSION says otherwise.</summary>
    public const string DefaultOpenMetadataVersion = OpenMetadataRelease.Version;

    public const string DefaultSqlitePath = "/var/lib/agent-gateway/gateway.db";

    public const int DefaultPresenceTtlSeconds = 3 * Agents.AgentSession.HeartbeatSeconds;

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
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    [ConfigurationKeyName("GATEWAY_POSTGRES_CONNECTION")]
    public string? PostgresConnection { get; set; }

    [ConfigurationKeyName("GATEWAY_POSTGRES_CONNECTION_FILE")]
    public string? PostgresConnectionFile { get; set; }

    /// <summary>Names this replica in the presence table and on the bus; a default is drawn once per process.</summary>
    [ConfigurationKeyName("GATEWAY_REPLICA_ID")]
    public string ReplicaId { get; set; } = DefaultReplicaId.Value;

    /// <summary>
    /// How old a presence claim may get before it counts as absent (its replica crashed or lost the store): three of
    /// the agents' heartbeat intervals by default; a replica refreshes its claims every third of it.
    /// </summary>
    [ConfigurationKeyName("GATEWAY_PRESENCE_TTL_SECONDS")]
    public int PresenceTtlSeconds { get; set; } = DefaultPresenceTtlSeconds;

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

    /// <summary>Secrets given both inline and in a file (filled by <see cref="SecretFiles"/>; internal, so never bound).</summary>
    internal List<string> SetWithItsFile { get; } = [];

    public TimeSpan PresenceTtl => TimeSpan.FromSeconds(PresenceTtlSeconds);

    public TimeSpan DeployTimeout => TimeSpan.FromSeconds(DeployTimeoutSeconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public TimeSpan OpenMetadataTimeout => TimeSpan.FromSeconds(OpenMetadataTimeoutSeconds);

    public bool IsPostgres => string.Equals(Store, "postgres", StringComparison.OrdinalIgnoreCase);

    public StoreKind StoreKind => IsPostgres ? StoreKind.Postgres : StoreKind.Sqlite;

    public bool AdminAuthEnabled => !string.IsNullOrWhiteSpace(AdminApiKey);

    /// <summary>Loopback without a key (reach it with <c>kubectl port-forward</c>); with one, where the public listener binds.</summary>
    public string AdminHost => AdminAuthEnabled ? Host : "127.0.0.1";

    private static class DefaultReplicaId
    {
        // Drawn once per process: the replica's name must not change under its presence claims. Machine name (the pod
        // name in Kubernetes, cut to the charset and 32 characters) plus a short random part, so a restarted pod is a
        // new replica; 39 characters at most, within GATEWAY_REPLICA_ID's rule.
        public static readonly string Value = $"{Machine()}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

        private static string Machine()
        {
            var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')]);
            return machine.Length > 32 ? machine[..32] : machine;
        }
    }
}
