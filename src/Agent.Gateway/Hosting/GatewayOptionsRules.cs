using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

/// <summary>
/// Checks <see cref="GatewayOptions"/> at start. Every failure is one sentence that begins with the variable's name,
/// so the operator knows what to fix; values are quoted only when they are not secrets. The secrets' rules are in
/// <see cref="GatewaySecretRules"/>; the agents file's content is checked by Routing's validator.
/// </summary>
internal sealed partial class GatewayOptionsRules : IValidateOptions<GatewayOptions>
{
    public const int MaxReplicaIdLength = 40;

    private static readonly string[] LogLevels = ["verbose", "trace", "debug", "information", "info", "warning", "warn", "error", "fatal", "critical"];

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        CheckListeners(options, failures);
        GatewaySecretRules.Check(options, failures);
        Require(failures, options.AirflowUsername, "AIRFLOW_USERNAME is required: the Basic user OpenMetadata's Airflow client is configured with");
        Require(failures, options.AgentsFile, "GATEWAY_AGENTS_FILE is required: the YAML file of agents, their token hashes and routing rules");

        // AirflowRESTClient.validServerClientVersions @03fa0ab6 reads the version with (\d+.\d+.\d+): "1.13" fails every check.
        if (!SemanticVersion().IsMatch(options.OpenMetadataVersion ?? string.Empty))
        {
            failures.Add($"GATEWAY_OPENMETADATA_VERSION must be a release major.minor.patch such as {GatewayOptions.DefaultOpenMetadataVersion} (got '{options.OpenMetadataVersion}')");
        }

        CheckStore(options, failures);
        // Claims are refreshed every third of the bound, so it must leave room for a few store round trips.
        if (options.PresenceTtlSeconds is < 3 or > 3600)
        {
            failures.Add($"GATEWAY_PRESENCE_TTL_SECONDS must be from 3 to 3600 seconds (got {options.PresenceTtlSeconds})");
        }

        Bound(failures, "GATEWAY_DEPLOY_TIMEOUT_SECONDS", options.DeployTimeoutSeconds, 3600);
        Bound(failures, "GATEWAY_REQUEST_TIMEOUT_SECONDS", options.RequestTimeoutSeconds, 3600);

        // A lookup answers in milliseconds; five minutes already holds a deploy far past OpenMetadata's patience.
        Bound(failures, "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS", options.OpenMetadataTimeoutSeconds, 300);
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

    private static void CheckStore(GatewayOptions options, List<string> failures)
    {
        if (!string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            failures.Add($"GATEWAY_STORE must be sqlite or postgres (got '{options.Store}')");
        }

        Require(failures, options.SqlitePath, "GATEWAY_SQLITE_PATH must not be empty");

        // The id names a LISTEN channel and a presence row: a short, quotable name.
        var replica = options.ReplicaId ?? string.Empty;
        if (replica.Length is 0 or > MaxReplicaIdLength || !replica.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"GATEWAY_REPLICA_ID must be 1-{MaxReplicaIdLength} letters, digits, '.', '_' or '-' (got '{replica}')");
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

    private static void Bound(List<string> failures, string variable, int seconds, int most)
    {
        if (seconds < 1 || seconds > most)
        {
            failures.Add($"{variable} must be from 1 to {most} seconds (got {seconds})");
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();
}
