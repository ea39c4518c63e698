using Agent.Gateway.Hosting;

namespace Agent.Gateway.Airflow;

/// <summary>
/// The settings the Airflow routes read: OpenMetadata's Basic credentials, the version health-auth reports, and the
/// bounds on waiting for agents (OpenMetadata's client sets no read timeout, so the gateway must). Built from the one
/// <see cref="GatewayOptions"/>, which reads and checks the variables.
/// </summary>
internal sealed record AirflowApiSettings(
    string Username, string Password, string OpenMetadataVersion, TimeSpan DeployTimeout, TimeSpan RequestTimeout)
{
    public static AirflowApiSettings From(GatewayOptions options) => new(
        options.AirflowUsername ?? string.Empty,
        options.AirflowPassword ?? string.Empty,
        options.OpenMetadataVersion,
        options.DeployTimeout,
        options.RequestTimeout);
}
