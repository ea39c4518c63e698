using System.Text;
using Npgsql;

namespace Agent.Gateway.Hosting;

/// <summary>
/// The rules of the three secrets (admin key, Airflow password, PostgreSQL connection) and their <c>_FILE</c> variants.
/// A message names the variable, and the path for a file, never the secret itself.
/// </summary>
internal static class GatewaySecretRules
{
    /// <summary>128 bits: the smallest admin key worth the name.</summary>
    public const int MinimumKeyBytes = 16;

    public static void Check(GatewayOptions options, List<string> failures)
    {
        var adminKey = Pair(failures, options.SetWithItsFile, "GATEWAY_ADMIN_API_KEY", options.AdminApiKey, options.AdminApiKeyFile);
        var password = Pair(failures, options.SetWithItsFile, "AIRFLOW_PASSWORD", options.AirflowPassword, options.AirflowPasswordFile);
        var connection = Pair(failures, options.SetWithItsFile, "GATEWAY_POSTGRES_CONNECTION", options.PostgresConnection, options.PostgresConnectionFile);
        if (adminKey && Encoding.UTF8.GetByteCount(options.AdminApiKey!.Trim()) < MinimumKeyBytes)
        {
            var variable = string.IsNullOrWhiteSpace(options.AdminApiKeyFile) ? "GATEWAY_ADMIN_API_KEY" : "GATEWAY_ADMIN_API_KEY_FILE";
            failures.Add($"{variable} must hold at least {MinimumKeyBytes} bytes: the admin API is reachable from outside the pod with it");
        }

        if (!password && string.IsNullOrWhiteSpace(options.AirflowPasswordFile))
        {
            failures.Add("AIRFLOW_PASSWORD (or AIRFLOW_PASSWORD_FILE) is required: the Basic password OpenMetadata's Airflow client is configured with");
        }

        if (options.IsPostgres && !connection && string.IsNullOrWhiteSpace(options.PostgresConnectionFile))
        {
            failures.Add("GATEWAY_POSTGRES_CONNECTION (or GATEWAY_POSTGRES_CONNECTION_FILE) is required with GATEWAY_STORE=postgres");
        }
        else if (options.IsPostgres && connection && !IsConnectionString(options.PostgresConnection!))
        {
            var variable = string.IsNullOrWhiteSpace(options.PostgresConnectionFile) ? "GATEWAY_POSTGRES_CONNECTION" : "GATEWAY_POSTGRES_CONNECTION_FILE";
            failures.Add($"{variable} is not a valid Npgsql connection string");
        }
    }

    /// <summary>Whether the secret has a usable value; a failure when both variables are set or the file is unusable.</summary>
    private static bool Pair(List<string> failures, IReadOnlyCollection<string> setTwice, string variable, string? value, string? file)
    {
        if (setTwice.Contains(variable))
        {
            failures.Add($"set {variable} or {variable}_FILE, not both");
            return false;
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            return !string.IsNullOrWhiteSpace(value);
        }

        // Read again rather than trusting the resolved value: an unreadable file must be named, not treated as unset.
        if (SecretFiles.TryRead(file, variable + "_FILE", out var problem) is null)
        {
            failures.Add(problem!);
            return false;
        }

        return true;
    }

    private static bool IsConnectionString(string connection)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connection);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
