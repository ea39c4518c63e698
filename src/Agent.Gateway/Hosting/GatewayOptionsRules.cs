using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

/// <summary>
/// Checks <see cref="GatewayOptions"/> at start. Every failure is one sentence that begins with the variable's name,
/// so the operator knows what to fix; values are quoted only when they are not secrets.
/// </summary>
internal sealed class GatewayOptionsRules : IValidateOptions<GatewayOptions>
{
    /// <summary>128 bits: the smallest admin key worth the name.</summary>
    public const int MinimumKeyBytes = 16;

    private static readonly string[] LogLevels = ["verbose", "trace", "debug", "information", "info", "warning", "warn", "error", "fatal", "critical"];

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        CheckListeners(options, failures);
        CheckSecrets(options, failures);
        Require(failures, options.AirflowUsername, "AIRFLOW_USERNAME is required: the Basic user OpenMetadata's Airflow client is configured with");
        Require(failures, options.AgentsFile, "GATEWAY_AGENTS_FILE is required: the YAML file of agents, their token hashes and routing rules");
        if (!IsVersion(options.OpenMetadataVersion))
        {
            failures.Add($"GATEWAY_OPENMETADATA_VERSION must be a release such as {GatewayOptions.DefaultOpenMetadataVersion} (got '{options.OpenMetadataVersion}')");
        }

        if (!string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            failures.Add($"GATEWAY_STORE must be sqlite or postgres (got '{options.Store}')");
        }

        Require(failures, options.SqlitePath, "GATEWAY_SQLITE_PATH must not be empty");
        Require(failures, options.ReplicaId, "GATEWAY_REPLICA_ID must not be empty");
        Bound(failures, "GATEWAY_DEPLOY_TIMEOUT_SECONDS", options.DeployTimeoutSeconds);
        Bound(failures, "GATEWAY_REQUEST_TIMEOUT_SECONDS", options.RequestTimeoutSeconds);
        Bound(failures, "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS", options.OpenMetadataTimeoutSeconds);
        if (!string.Equals(options.LogFormat, "text", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"LOG_FORMAT must be text or json (got '{options.LogFormat}')");
        }

        if (!LogLevels.Contains(options.LogLevel, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"LOG_LEVEL must be one of Verbose, Debug, Information, Warning, Error, Fatal (got '{options.LogLevel}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckListeners(GatewayOptions options, List<string> failures)
    {
        Port(failures, "GATEWAY_PORT", options.Port);
        Port(failures, "GATEWAY_METRICS_PORT", options.MetricsPort);
        Port(failures, "GATEWAY_ADMIN_PORT", options.AdminPort);
        if (!IPAddress.TryParse(options.Host, out _))
        {
            failures.Add($"GATEWAY_HOST must be an IP address, e.g. 0.0.0.0 (got '{options.Host}')");
        }

        // Port 0 (a free port, in tests) may repeat; a fixed port cannot serve two listeners.
        (string Name, int Port)[] ports = [("GATEWAY_PORT", options.Port), ("GATEWAY_METRICS_PORT", options.MetricsPort), ("GATEWAY_ADMIN_PORT", options.AdminPort)];
        foreach (var clash in ports.Where(p => p.Port != 0).GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            failures.Add($"{string.Join(" and ", clash.Select(p => p.Name))} must differ (all are {clash.Key})");
        }
    }

    private static void CheckSecrets(GatewayOptions options, List<string> failures)
    {
        FileReadable(failures, options.AdminApiKeyFile, "GATEWAY_ADMIN_API_KEY_FILE");
        FileReadable(failures, options.AirflowPasswordFile, "AIRFLOW_PASSWORD_FILE");
        FileReadable(failures, options.PostgresConnectionFile, "GATEWAY_POSTGRES_CONNECTION_FILE");
        if (options.AdminApiKey is { } key && !string.IsNullOrWhiteSpace(key) && Encoding.UTF8.GetByteCount(key.Trim()) < MinimumKeyBytes)
        {
            var variable = string.IsNullOrWhiteSpace(options.AdminApiKeyFile) ? "GATEWAY_ADMIN_API_KEY" : "GATEWAY_ADMIN_API_KEY_FILE";
            failures.Add($"{variable} must hold at least {MinimumKeyBytes} bytes: the admin API is reachable from outside the pod with it");
        }

        if (string.IsNullOrWhiteSpace(options.AirflowPassword) && string.IsNullOrWhiteSpace(options.AirflowPasswordFile))
        {
            failures.Add("AIRFLOW_PASSWORD (or AIRFLOW_PASSWORD_FILE) is required: the Basic password OpenMetadata's Airflow client is configured with");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.PostgresConnection) && string.IsNullOrWhiteSpace(options.PostgresConnectionFile))
        {
            failures.Add("GATEWAY_POSTGRES_CONNECTION (or GATEWAY_POSTGRES_CONNECTION_FILE) is required with GATEWAY_STORE=postgres");
        }
    }

    private static void FileReadable(List<string> failures, string? path, string variable)
    {
        if (!string.IsNullOrWhiteSpace(path) && SecretFiles.TryRead(path, variable, out var problem) is null)
        {
            failures.Add(problem!);
        }
    }

    private static void Require(List<string> failures, string? value, string failure)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(failure);
        }
    }

    private static void Port(List<string> failures, string variable, int port)
    {
        if (port is < 0 or > 65535)
        {
            failures.Add($"{variable} must be a port number from 0 to 65535 (got {port})");
        }
    }

    private static void Bound(List<string> failures, string variable, int seconds)
    {
        if (seconds is < 1 or > 3600)
        {
            failures.Add($"{variable} must be from 1 to 3600 seconds (got {seconds})");
        }
    }

    private static bool IsVersion(string? version)
    {
        var parts = version?.Split('.') ?? [];
        return parts.Length >= 2 && parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
    }
}
