using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using k8s;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The pod template of a run or a scheduled run: one container <c>main</c> with the entrypoint of its kind,
/// <c>restartPolicy: Never</c> (each retry is a new pod, so the newest pod is the latest attempt), and OpenMetadata's
/// K8sPipelineClient securityContext (research-16 §1.3, §1.9). The request's config comes from the run's Secret by
/// <c>secretKeyRef</c>, which the kubelet passes literally (no <c>$(VAR)</c> expansion, K8S pkg/kubelet/kubelet_pods.go
/// makeEnvironmentVariables, FIDELITY §5.2); it still lands in the process environment, so the exec limit that
/// <c>RunRequestValidation</c> checks still applies (research-16 §3.3).
/// </summary>
internal static class IngestionPod
{
    public const string Container = "main";
    public const string ConfigKey = "config";
    public const string PipelineFqnKey = "ingestionPipelineFQN";

    /// <summary>The Job controller puts the Job's uid on its pods as this label (K8S pkg/registry/batch/job/strategy.go).</summary>
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";

    private const long NonRootId = 1000;

    /// <summary>
    /// <paramref name="runId"/> null is a scheduled run: its run id is the uid of the Job the CronJob made, read through
    /// the downward API from the pod's <see cref="ControllerUidLabel"/> label, the same for every retry pod of that Job
    /// (the pod's own uid would change with each attempt, research-16 §1.5).
    /// </summary>
    public static V1PodTemplateSpec Template(
        RunRequest run, string? runId, string secretName, IDictionary<string, string> labels, IngestionOptions ingestion, string image, KubernetesOptions kubernetes, PipelineTypeConfigs typeConfigs)
    {
        var spec = new V1PodSpec
        {
            RestartPolicy = "Never",
            ServiceAccountName = NullIfBlank(kubernetes.ServiceAccountName) ?? NullIfBlank(ingestion.ServiceAccountName),
            AutomountServiceAccountToken = ingestion.AutomountServiceAccountToken,
            ImagePullSecrets = PullSecrets(ingestion.ImagePullSecrets),

            // K8sPipelineClient gives 60 s "so the exit handler has time"; there is none here, 30 s is the default.
            SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, RunAsUser = NonRootId, RunAsGroup = NonRootId, FsGroup = NonRootId },
            Containers =
            [
                new V1Container
                {
                    Name = Container,
                    // The image read once per build: it follows the server version when DYNAMIC_INGESTION_VERSION_ENABLED asks.
                    Image = image,
                    Command = Entrypoint(run.Kind),
                    Env = Environment(run, runId, secretName, ingestion, kubernetes.Namespace),
                    Resources = Resources(run.Kind == RunKind.Automation ? ingestion.AutomationResources : ingestion.Resources),

                    // Ingestion writes temporary files, so the root filesystem stays writable (K8sPipelineClient).
                    SecurityContext = new V1SecurityContext
                    {
                        RunAsNonRoot = true,
                        RunAsUser = NonRootId,
                        AllowPrivilegeEscalation = false,
                        ReadOnlyRootFilesystem = false,
                        Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    },
                },
            ],
        };
        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
            Spec = typeConfigs.For(run.PipelineType) is { } settings ? Merge(spec, settings) : spec,
        };
    }

    private static List<string> Entrypoint(RunKind kind) => kind switch
    {
        RunKind.Automation => ["python", "run_automation.py"],
        RunKind.Application => ["python", "-m", "metadata.applications.runner"],
        _ => ["python", "main.py"],
    };

    /// <summary>
    /// The request's values first, then the operator's extra envs, then the Kubernetes secrets manager's settings; a later
    /// one never replaces an earlier one of the same name (as on the Argo path). The config and the FQN come from the
    /// Secret: the FQN is the control plane's free text, and a literal <c>$(…)</c> in it must arrive as written.
    /// </summary>
    private static List<V1EnvVar> Environment(RunRequest run, string? runId, string secretName, IngestionOptions ingestion, string ns)
    {
        var env = new List<V1EnvVar>
        {
            FromSecret(ConfigKey, secretName),
            runId is null
                ? new V1EnvVar { Name = "pipelineRunId", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = $"metadata.labels['{ControllerUidLabel}']" } } }
                : new V1EnvVar { Name = "pipelineRunId", Value = KubeletEscaping.Escape(runId) },
            FromSecret(PipelineFqnKey, secretName),
            new V1EnvVar { Name = "pipelineType", Value = KubeletEscaping.Escape(run.PipelineType) },
        };
        var defaults = string.Equals(ingestion.SecretsManager?.Trim(), SecretsManagerProviders.Kubernetes, StringComparison.Ordinal)
            ? new KeyValuePair<string, string>[] { new("KUBERNETES_IN_CLUSTER", "true"), new("KUBERNETES_NAMESPACE", ns) }
            : [];
        foreach (var pair in ingestion.ParsedExtraEnvs.Concat(defaults))
        {
            if (env.TrueForAll(existing => existing.Name != pair.Key))
            {
                env.Add(new V1EnvVar { Name = pair.Key, Value = pair.Value });
            }
        }

        return env;
    }

    private static V1EnvVar FromSecret(string key, string secretName) =>
        new() { Name = key, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secretName, Key = key } } };

    private static V1ResourceRequirements Resources(PodResources resources) => new()
    {
        Limits = Quantities(resources.CpuLimit, resources.MemoryLimit),
        Requests = Quantities(resources.CpuRequest, resources.MemoryRequest),
    };

    private static Dictionary<string, ResourceQuantity> Quantities(string? cpu, string? memory)
    {
        var values = new Dictionary<string, ResourceQuantity>();
        if (!string.IsNullOrWhiteSpace(cpu))
        {
            values["cpu"] = new ResourceQuantity(cpu);
        }

        if (!string.IsNullOrWhiteSpace(memory))
        {
            values["memory"] = new ResourceQuantity(memory);
        }

        return values;
    }

    private static List<V1LocalObjectReference>? PullSecrets(string? names)
    {
        var list = (names ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length == 0 ? null : [.. list.Select(name => new V1LocalObjectReference { Name = name })];
    }

    /// <summary>The operator's settings for the pipeline type, merged as the Argo path merges its spec files (<see cref="JsonMerge"/>).</summary>
    private static V1PodSpec Merge(V1PodSpec spec, JsonObject settings)
    {
        var node = JsonNode.Parse(KubernetesJson.Serialize(spec))!.AsObject();
        JsonMerge.Into(node, settings);
        return KubernetesJson.Deserialize<V1PodSpec>(node.ToJsonString());
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
