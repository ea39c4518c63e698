using Agent.Core.Execution;

namespace Agent.Web.Configuration;

/// <summary>
/// Reads <c>EXECUTOR_TYPE</c>, the chart's choice of executor. The chart renders <c>simpleK8s</c> exactly when it
/// neither installs Argo nor is given an Argo endpoint (hybrid-ingestion-runner chart 1.13.3, templates/deployment.yaml
/// L66-69), and nothing otherwise, so unset means Argo as before. The host decides its registrations from it while the
/// builder runs, before any option is validated: a value the agent cannot honour stops the start (exit 2) rather than
/// falling back to an executor the operator did not ask for.
/// </summary>
internal static class ExecutorSelection
{
    public const string Key = "Executor:Type";

    /// <summary>The accepted values, as an operator reads them in the error line and the docs.</summary>
    public const string Accepted = "argo or simpleK8s (also kubernetes)";

    public static ExecutorKind Read(IConfiguration configuration)
    {
        var value = configuration[Key]?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, "argo", StringComparison.OrdinalIgnoreCase))
        {
            return ExecutorKind.Argo;
        }

        if (string.Equals(value, "simpleK8s", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "kubernetes", StringComparison.OrdinalIgnoreCase))
        {
            return ExecutorKind.Kubernetes;
        }

        throw new ExecutorTypeException($"{new SettingNames(configuration).Setting(Key)} is not an executor: use {Accepted}");
    }
}
