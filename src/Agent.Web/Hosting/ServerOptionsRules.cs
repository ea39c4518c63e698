using System.Net;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

/// <summary>The two listeners must not collide, and their addresses must parse.</summary>
public sealed class ServerOptionsRules : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.MetricsPort != 0 && options.MetricsPort == options.AdminPort)
        {
            failures.Add($"METRICS_SERVER_PORT and ADMIN_SERVER_PORT must differ (both are {options.MetricsPort})");
        }

        if (!IPAddress.TryParse(options.InfraHost, out _))
        {
            failures.Add($"METRICS_SERVER_HOST must be an IP address, e.g. 0.0.0.0 (got '{options.InfraHost}')");
        }

        if (!IPAddress.TryParse(options.EffectiveAdminHost, out _))
        {
            failures.Add($"ADMIN_SERVER_HOST must be an IP address, e.g. 127.0.0.1 (got '{options.AdminHost}')");
        }

        if (!string.IsNullOrWhiteSpace(options.AdminApiKeyFile) && !File.Exists(options.AdminApiKeyFile))
        {
            failures.Add($"ADMIN_API_KEY_FILE names a file that does not exist: '{options.AdminApiKeyFile}'");
        }

        if (options.AdminApiKey is { Length: > 0 and < 16 })
        {
            failures.Add("ADMIN_API_KEY must be at least 16 characters");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
