using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Agent.Core.Ingestion;

/// <summary>What every ingestion pod gets. Bound from section <c>Ingestion</c>.</summary>
internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Ingestion image (<c>ARGO_INGESTION_IMAGE</c> or <c>INGESTION_IMAGE</c>), e.g. <c>openmetadata/ingestion:1.9.0</c>.</summary>
    [Required(ErrorMessage = "ARGO_INGESTION_IMAGE (or INGESTION_IMAGE) is required: the ingestion container image")]
    public string Image { get; set; } = string.Empty;

    /// <summary>
    /// Whether the image's tag follows the OpenMetadata server version the control plane announces in
    /// <c>welcome.serverVersion</c> (<c>DYNAMIC_INGESTION_VERSION_ENABLED</c>); see <see cref="IngestionImage"/>.
    /// </summary>
    public bool DynamicVersion { get; set; }

    /// <summary>
    /// Extra environment for every ingestion pod, as <c>[KEY:value, KEY2:value2]</c>
    /// (<c>ARGO_EXTRA_ENVS_NOOP</c>, <c>ARGO_EXTRA_ENVS</c> or <c>INGESTION_EXTRA_ENVS</c>). Values are secrets: never logged.
    /// </summary>
    public string? ExtraEnvs { get; set; }

    /// <summary>Which of the extra-envs variables supplied <see cref="ExtraEnvs"/>, so errors can name it.</summary>
    public string ExtraEnvsVariable { get; set; } = "ARGO_EXTRA_ENVS_NOOP";

    /// <summary>Service account of the ingestion pods (<c>INGESTION_SERVICE_ACCOUNT_NAME</c>).</summary>
    public string? ServiceAccountName { get; set; }

    /// <summary>
    /// Service account whose token Argo's executor containers use (<c>ARGO_WORKFLOW_EXECUTOR_SERVICE_ACCOUNT_NAME</c>),
    /// sent as <c>spec.executor.serviceAccountName</c>. Argo needs one when the pods do not mount their own token; then
    /// <see cref="ServiceAccountName"/> stands in when this is unset (see <see cref="EffectiveExecutorServiceAccountName"/>).
    /// </summary>
    public string? ExecutorServiceAccountName { get; set; }

    /// <summary>Comma-separated image pull secret names (<c>INGESTION_IMAGE_PULL_SECRETS</c>).</summary>
    public string? ImagePullSecrets { get; set; }

    /// <summary>Whether the pods mount their service-account token (<c>INGESTION_AUTOMOUNT_SA_TOKEN</c>).</summary>
    public bool? AutomountServiceAccountToken { get; set; }

    /// <summary>YAML merged into every ingestion container (<c>ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH</c>): env, volumeMounts, securityContext…</summary>
    public string? ContainerSpecFilePath { get; set; }

    /// <summary>YAML merged into every workflow spec (<c>ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH</c>): tolerations, nodeSelector, affinity, volumes…</summary>
    public string? WorkflowSpecFilePath { get; set; }

    /// <summary>
    /// The legacy toleration variables (<c>INGESTION_CUSTOMER_TOLERATION</c>, <c>ARGO_WORKFLOW_CUSTOMER_TOLERATION</c>),
    /// read only to refuse them (<see cref="IngestionOptionsRules"/>): the chart rendered a free string whose format it
    /// never documented, and replaced it with <c>workflowParams.tolerations</c> in the workflow spec file
    /// (hybrid-ingestion-runner chart commit 193910d, "Updates for custom ingestion parameters").
    /// </summary>
    public string? LegacyCustomerToleration { get; set; }

    /// <summary>JSON object of per-pipeline-type pod settings (<c>ARGO_PIPELINE_TYPE_CONFIGS</c>), e.g. <c>{"automation":{"priorityClassName":"high"}}</c>.</summary>
    public string? PipelineTypeConfigs { get; set; }

    /// <summary>Optional allow-list of pipeline types and images the control plane may run (<c>AGENT_POLICY_FILE</c>, YAML).</summary>
    public string? PolicyFilePath { get; set; }

    /// <summary>
    /// The customer's secrets manager (<c>SECRETS_MANAGER</c>), e.g. <c>kubernetes</c> or <c>managed-aws</c>: written into
    /// every run's config as its secrets-manager provider, so <c>secret:</c> references resolve there. Unset leaves the
    /// config as the control plane sent it.
    /// </summary>
    public string? SecretsManager { get; set; }

    /// <summary>Resources of ingestion pods (<c>INGESTION_CPU_LIMIT</c>, <c>INGESTION_MEMORY_LIMIT</c>, …).</summary>
    [ValidateObjectMembers]
    public PodResources Resources { get; set; } = new() { CpuLimit = "1000m", MemoryLimit = "4096Mi", CpuRequest = "1000m", MemoryRequest = "4096Mi" };

    /// <summary>Resources of automation (test connection) pods (<c>INGESTION_AUTOMATION_WORKFLOW_*</c>).</summary>
    [ValidateObjectMembers]
    public PodResources AutomationResources { get; set; } = new() { CpuLimit = "500m", MemoryLimit = "512Mi", CpuRequest = "200m", MemoryRequest = "256Mi" };

    /// <summary>
    /// The executor service account the workflows carry: the one configured, else, when the pods do not mount their
    /// token, the pods' own. With the token mounted none is needed and none is set: Argo looks up a token Secret for any
    /// executor service account (<c>util/secrets/secret_name.go</c>), which clusters since Kubernetes 1.24 no longer
    /// create by themselves, so setting one there could only break working deployments.
    /// </summary>
    public string? EffectiveExecutorServiceAccountName =>
        NonBlank(ExecutorServiceAccountName) ?? (AutomountServiceAccountToken == false ? NonBlank(ServiceAccountName) : null);

    /// <summary>The parsed <see cref="ExtraEnvs"/>; validation guarantees it parses.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ParsedExtraEnvs =>
        ExtraEnvParser.TryParse(ExtraEnvs, out var values, out _) ? values : [];

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
