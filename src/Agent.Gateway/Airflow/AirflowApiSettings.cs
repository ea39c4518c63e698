using System.Globalization;
using System.Text.RegularExpressions;

namespace Agent.Gateway.Airflow;

/// <summary>
/// The settings the Airflow routes read: OpenMetadata's Basic credentials, the version health-auth reports, and the
/// bounds on waiting for agents (OpenMetadata's client sets no read timeout, so the gateway must).
/// </summary>
internal sealed partial record AirflowApiSettings(
    string Username, string Password, string OpenMetadataVersion, TimeSpan DeployTimeout, TimeSpan RequestTimeout)
{
    /// <summary>Reads and checks the settings; a bad or missing value throws naming the variable.</summary>
    public static AirflowApiSettings Load(IConfiguration configuration)
    {
        var username = Required(configuration, "AIRFLOW_USERNAME");
        var password = Secret(configuration, "AIRFLOW_PASSWORD");
        var version = configuration["GATEWAY_OPENMETADATA_VERSION"] is { Length: > 0 } v ? v : OpenMetadataRelease.Version;

        // AirflowRESTClient's validServerClientVersions reads the version with (\d+.\d+.\d+): "1.13" would fail every check.
        if (!SemanticVersion().IsMatch(version))
        {
            throw new InvalidOperationException($"GATEWAY_OPENMETADATA_VERSION must be major.minor.patch (e.g. {OpenMetadataRelease.Version}), not '{version}'");
        }

        return new AirflowApiSettings(
            username,
            password,
            version,
            Seconds(configuration, "GATEWAY_DEPLOY_TIMEOUT_SECONDS", 15),
            Seconds(configuration, "GATEWAY_REQUEST_TIMEOUT_SECONDS", 10));
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is required");

    /// <summary>A secret given inline (<c>NAME</c>) or in a file (<c>NAME_FILE</c>, one trailing newline dropped).</summary>
    private static string Secret(IConfiguration configuration, string name)
    {
        if (configuration[name + "_FILE"] is { Length: > 0 } path)
        {
            try
            {
                var text = File.ReadAllText(path).TrimEnd('\r', '\n');
                return text.Length > 0 ? text : throw new InvalidOperationException($"{name}_FILE names an empty file");
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException($"{name}_FILE cannot be read: {ex.Message}", ex);
            }
        }

        return Required(configuration, name);
    }

    private static TimeSpan Seconds(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{name} must be a whole number of seconds from 1 to 3600, not '{text}'");
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();
}
