using Agent.Core;
using Agent.Web.Configuration;

namespace Agent.Web.Hosting;

/// <summary>
/// With <c>EXECUTOR_TYPE=simpleK8s</c>, says once at start which Argo settings were given and are not read, so an
/// operator who switched executors sees why <c>PIPELINE_SERVICE_CLIENT_ENDPOINT</c> or <c>ARGO_TOKEN</c> no longer matter.
/// The settings the executors share (image, resources, <c>INGESTION_NAMESPACE</c>) are not listed.
/// </summary>
internal sealed partial class IgnoredArgoSettings(IConfiguration configuration, ILogger<IgnoredArgoSettings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var ignored = Find(configuration);
        if (ignored.Count > 0)
        {
            // The message template writes a list as "a, b".
            Ignored(logger, ignored);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The variables set for the Argo section, in the spelling the operator used (never their values).</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var names = new SettingNames(configuration);
        return EnvironmentVariableMap.All
            .Where(variable => variable.Key.StartsWith("Argo:", StringComparison.Ordinal) && !string.IsNullOrEmpty(configuration[variable.Key]))
            .Select(variable => names.Variable(variable.Key))
            .Where(name => !name.StartsWith("INGESTION_", StringComparison.Ordinal))
            .ToList();
    }

    [LoggerMessage(EventId = AgentEventIds.ArgoSettingsIgnored, Level = LogLevel.Information, Message = "EXECUTOR_TYPE is simpleK8s: these Argo settings are set and ignored: {Variables}")]
    private static partial void Ignored(ILogger logger, IReadOnlyList<string> variables);
}
