using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Options;
using K8s = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Api.Core.V1;
using Meta = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Apimachinery.Pkg.Apis.Meta.V1;

namespace Agent.Core.Executors.Argo.Building;

/// <summary>
/// Builds the Argo Workflow for a run. The control plane only chooses the pipeline, its config and the run id;
/// image (<see cref="IngestionImage"/>), command, service account and resources always come from the agent's own configuration.
/// </summary>
internal sealed class WorkflowFactory(IOptions<IngestionOptions> ingestion, IngestionImage image, IOptions<ArgoOptions> argo, AgentIdentity identity)
{
    public const string MainTemplate = "ingestion";
    public const string ExitTemplate = "exit-handler";

    public Workflow Build(RunRequest run)
    {
        var labels = RunLabels(run);
        return new Workflow
        {
            Metadata = new Meta.ObjectMeta
            {
                Name = WorkflowNames.ForRun(run.PipelineName, run.RunId),
                Namespace = argo.Value.Namespace,
                Labels = new Meta.ObjectMeta_labels { AdditionalData = labels },
                Annotations = new Meta.ObjectMeta_annotations { AdditionalData = RunAnnotations(run) },
            },
            Spec = BuildSpec(run, labels),
        };
    }

    /// <summary>The spec every run of <paramref name="run"/>'s kind shares; <paramref name="labels"/> go onto its pods.</summary>
    public WorkflowSpec BuildSpec(RunRequest run, Dictionary<string, object> labels)
    {
        var options = ingestion.Value;

        // Read once: both containers of a run use the same image even if the server's version is announced meanwhile.
        var runImage = image.Current;
        var defaults = SecretsManagerEnv(options);
        var executor = options.EffectiveExecutorServiceAccountName;
        var withExitHandler = HasExitHandler(run.Kind);
        List<Template> templates =
        [
            new Template
            {
                Name = MainTemplate,
                Container = IngestionContainer.Main(run, runImage, options, defaults),
                RetryStrategy = RetryStrategyFor(run),
            },
        ];
        if (withExitHandler)
        {
            templates.Add(new Template { Name = ExitTemplate, Container = IngestionContainer.ExitHandler(run, runImage, options, defaults) });
        }

        return new WorkflowSpec
        {
            Entrypoint = MainTemplate,
            OnExit = withExitHandler ? ExitTemplate : null,
            ServiceAccountName = string.IsNullOrWhiteSpace(options.ServiceAccountName) ? null : options.ServiceAccountName,
            AutomountServiceAccountToken = options.AutomountServiceAccountToken,

            // Argo v4.1.2 workflow/controller/workflowpod.go setupServiceAccount: without a mounted token the executor
            // needs its own service account, else every pod fails to build (FIDELITY §3.3).
            Executor = executor is null ? null : new ExecutorConfig { ServiceAccountName = executor },
            ImagePullSecrets = PullSecrets(options.ImagePullSecrets),
            TtlStrategy = new TTLStrategy
            {
                SecondsAfterCompletion = run.Kind == RunKind.Automation ? argo.Value.AutomationTtlSeconds : argo.Value.SecondsAfterCompletionTtl,
            },
            PodMetadata = new Metadata { Labels = new Metadata_labels { AdditionalData = new Dictionary<string, object>(labels) } },
            Templates = templates,
        };
    }

    /// <summary>
    /// Only ingestion runs (<c>main.py</c>), one-off or scheduled, get the exit handler. OpenMetadata's
    /// K8sPipelineClient attaches none to test-connection and application jobs (FIDELITY §2.4), and
    /// <c>exit_handler.py</c> cannot parse their configs, an automations Workflow or an App entity (§2.3): it exits
    /// non-zero, and Argo ends a workflow whose main step succeeded and whose exit node failed as Failed
    /// (Argo v4.1.2 workflow/controller/operator.go, §1.1), so every test connection would read as failed.
    /// </summary>
    public static bool HasExitHandler(RunKind kind) => kind == RunKind.Ingestion;

    /// <summary>
    /// The Kubernetes secrets manager reads its settings with the env loader: in-cluster only when
    /// KUBERNETES_IN_CLUSTER is "true", else it looks for a kube config no pod has; Secrets in KUBERNETES_NAMESPACE
    /// (FIDELITY §8.6). The ingestion namespace is where the agent's Secrets live alongside its workflows.
    /// </summary>
    private List<KeyValuePair<string, string>> SecretsManagerEnv(IngestionOptions options) =>
        string.Equals(options.SecretsManager?.Trim(), SecretsManagerProviders.Kubernetes, StringComparison.Ordinal)
            ? [new("KUBERNETES_IN_CLUSTER", "true"), new("KUBERNETES_NAMESPACE", argo.Value.Namespace)]
            : [];

    private Dictionary<string, object> RunLabels(RunRequest run)
    {
        var labels = PipelineLabels(run.PipelineFqn, run.PipelineType);
        labels[WorkflowLabels.RunId] = LabelValues.ForFreeText(run.RunId);
        return labels;
    }

    /// <summary>Labels shared by every workflow of a pipeline, scheduled runs included (they have no run id label).</summary>
    public Dictionary<string, object> PipelineLabels(string pipelineFqn, string pipelineType) => new()
    {
        [WorkflowLabels.AgentId] = LabelValues.ForAgentId(identity.AgentId),
        [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(pipelineFqn),
        [WorkflowLabels.PipelineType] = LabelValues.ForFreeText(pipelineType),
        [WorkflowLabels.ManagedBy] = WorkflowLabels.ManagedByValue,
    };

    private static Dictionary<string, object> RunAnnotations(RunRequest run) => new()
    {
        [WorkflowLabels.PipelineFqnAnnotation] = run.PipelineFqn,
        [WorkflowLabels.RunIdAnnotation] = run.RunId,
    };

    private static List<K8s.LocalObjectReference>? PullSecrets(string? names)
    {
        var list = (names ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length == 0 ? null : [.. list.Select(name => new K8s.LocalObjectReference { Name = name })];
    }

    private static RetryStrategy? RetryStrategyFor(RunRequest run) => run.Retries <= 0
        ? null
        : new RetryStrategy
        {
            // IntOrString fields are strings in the generated model; Argo accepts the quoted number.
            Limit = run.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RetryPolicy = "OnFailure",
            Backoff = run.RetryDelaySeconds > 0 ? new Backoff { Duration = $"{run.RetryDelaySeconds}s" } : null,
        };
}
