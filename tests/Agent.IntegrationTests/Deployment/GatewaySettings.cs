extern alias gateway;

using System.Reflection;
using gateway::Agent.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// The gateway's environment variables, read by reflection from <see cref="GatewayOptions"/> (its
/// <see cref="ConfigurationKeyNameAttribute"/>s), the only place the gateway reads a setting. docs/gateway.md
/// "Gateway settings", the manifests and the Dockerfile must agree with it.
/// </summary>
internal static class GatewaySettings
{
    /// <summary>Values that must come from a Secret (or the operator's shell), never from a file in the repository.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.Ordinal)
    {
        "GATEWAY_ADMIN_API_KEY", "GATEWAY_ADMIN_API_KEY_FILE", "AIRFLOW_PASSWORD", "AIRFLOW_PASSWORD_FILE",
        "GATEWAY_POSTGRES_CONNECTION", "GATEWAY_POSTGRES_CONNECTION_FILE",
    };

    /// <summary>Every <c>ConfigurationKeyName</c> of <see cref="GatewayOptions"/>, by the property it binds.</summary>
    public static readonly IReadOnlyDictionary<string, string> PropertyByVariable = typeof(GatewayOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(property => (property.Name, Variable: property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
        .Where(pair => pair.Variable is not null)
        .ToDictionary(pair => pair.Variable!, pair => pair.Name, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> All = new HashSet<string>(PropertyByVariable.Keys, StringComparer.Ordinal);
}
