using System.Net;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

/// <summary>
/// The two listeners must not collide, their addresses must parse, and the admin API is never reachable from
/// outside the pod without a key of at least <see cref="MinimumKeyBytes"/> bytes.
/// </summary>
internal sealed class ServerOptionsRules : IValidateOptions<ServerOptions>
{
    /// <summary>128 bits: the smallest key worth the name, as an operator-chosen secret.</summary>
    public const int MinimumKeyBytes = 16;

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

        if (!IPAddress.TryParse(options.EffectiveAdminHost, out var adminAddress))
        {
            failures.Add($"ADMIN_SERVER_HOST must be an IP address, e.g. 127.0.0.1 (got '{options.AdminHost}')");
        }
        else if (!options.AdminAuthEnabled && !IPAddress.IsLoopback(adminAddress))
        {
            // The loopback default is what makes a key-less admin API safe; an explicit address must not undo it.
            failures.Add($"ADMIN_SERVER_HOST is {options.AdminHost}, which is not loopback, and the admin API has no key: " +
                "set ADMIN_API_KEY or ADMIN_API_KEY_FILE, or bind 127.0.0.1");
        }

        if (options.AdminApiKey is { } key && !string.IsNullOrWhiteSpace(key) && AdminKeyLength.Bytes(key) < MinimumKeyBytes)
        {
            failures.Add($"ADMIN_API_KEY must be at least {MinimumKeyBytes} characters ({MinimumKeyBytes} bytes of UTF-8, surrounding spaces not counted)");
        }

        if (KeyFileProblem(options.AdminApiKeyFile) is { } fileProblem)
        {
            failures.Add(fileProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? KeyFileProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        AdminKeyFile.TryRead(path, out var problem);
        return problem;
    }
}
