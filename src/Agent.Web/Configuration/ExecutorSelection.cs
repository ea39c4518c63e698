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
            RefuseArgoOnlyFiles(configuration);
            return ExecutorKind.Kubernetes;
        }

        throw new ExecutorTypeException($"{new SettingNames(configuration).Setting(Key)} is not an executor: use {Accepted}");
    }

    /// <summary>
    /// The spec files and the local policy are applied by the Argo executor only so far. Running Jobs without an
    /// operator's allow-list or pod customization would drop a restriction they asked for, so the start stops instead.
    /// </summary>
    private static void RefuseArgoOnlyFiles(IConfiguration configuration)
    {
        string[] argoOnly = ["Ingestion:PolicyFilePath", "Ingestion:ContainerSpecFilePath", "Ingestion:WorkflowSpecFilePath"];
        var set = argoOnly.Where(key => !string.IsNullOrWhiteSpace(configuration[key])).ToList();
        if (set.Count > 0)
        {
            var names = new SettingNames(configuration);
            throw new ExecutorTypeException(
                $"{string.Join(", ", set.Select(names.Variable))} applies to the Argo executor only (EXECUTOR_TYPE=argo); the Kubernetes executor does not apply it yet, so unset it or choose argo");
        }
    }
}
