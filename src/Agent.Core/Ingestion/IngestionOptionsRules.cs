using Microsoft.Extensions.Options;

namespace Agent.Core.Ingestion;

/// <summary>
/// Settings that parse but could not give a run that works: a malformed extra-envs list (the reason names the item,
/// never its value), an unmounted token with no executor service account, an unusable secrets manager, a legacy toleration variable.
/// </summary>
/// <param name="argo">Whether Argo is the executor: the executor service account is Argo's alone, so only Argo asks for it.</param>
internal sealed class IngestionOptionsRules(bool argo = true) : IValidateOptions<IngestionOptions>
{
    public const string LegacyTolerationRefusal =
        "INGESTION_CUSTOMER_TOLERATION / ARGO_WORKFLOW_CUSTOMER_TOLERATION is no longer read (its format was never documented): "
        + "put the tolerations in the YAML file named by ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH (the chart's customConfig.workflowParams.tolerations)";

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        if (!ExtraEnvParser.TryParse(options.ExtraEnvs, out _, out var reason))
        {
            failures.Add($"{options.ExtraEnvsVariable} is malformed: {reason}");
        }

        // Argo v4.1.2 workflow/controller/workflowpod.go setupServiceAccount fails every pod with "executor.serviceAccountName
        // must not be empty if automountServiceAccountToken is false" (FIDELITY §3.3): accepted at submit, Error at run.
        if (argo && options.AutomountServiceAccountToken == false && options.EffectiveExecutorServiceAccountName is null)
        {
            failures.Add("INGESTION_AUTOMOUNT_SA_TOKEN is false, so Argo needs an executor service account: set ARGO_WORKFLOW_EXECUTOR_SERVICE_ACCOUNT_NAME (or INGESTION_SERVICE_ACCOUNT_NAME, which then serves as both)");
        }

        if (!string.IsNullOrWhiteSpace(options.SecretsManager) && SecretsManagerProviders.LoaderFor(options.SecretsManager.Trim()) is null)
        {
            failures.Add($"SECRETS_MANAGER must be one of {string.Join(", ", SecretsManagerProviders.Names)} (got '{options.SecretsManager}')");
        }

        if (!string.IsNullOrWhiteSpace(options.LegacyCustomerToleration))
        {
            failures.Add(LegacyTolerationRefusal);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
