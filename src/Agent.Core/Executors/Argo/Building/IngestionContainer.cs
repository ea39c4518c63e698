using Agent.Core.Execution;
using Agent.Core.Ingestion;
using K8s = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Api.Core.V1;

namespace Agent.Core.Executors.Argo.Building;

/// <summary>
/// The containers of a run: the entrypoint for its kind, and the exit handler that marks crashed runs failed. The env
/// values the agent fills from the request are escaped for the kubelet (<see cref="KubeletEscaping"/>) so they arrive
/// byte for byte; the operator's own values (<c>ARGO_EXTRA_ENVS</c>, spec files) are passed as written, with the
/// Kubernetes meaning of <c>$(VAR)</c> and <c>$$</c> that any pod manifest has, as OpenMetadata's own Kubernetes
/// client passes its extraEnvVars.
/// </summary>
internal static class IngestionContainer
{
    public static K8s.Container Main(RunRequest run, string image, IngestionOptions options, IReadOnlyList<KeyValuePair<string, string>> defaults) => new()
    {
        Name = "main",
        Image = image,
        Command = Entrypoint(run.Kind),
        Env = Environment(run, options, defaults, ("pipelineType", run.PipelineType)),
        Resources = Resources(run.Kind == RunKind.Automation ? options.AutomationResources : options.Resources),
    };

    /// <summary>
    /// Runs after the workflow ends whatever happened; with the workflow's status it records a failed run that
    /// never reported its own end (OOM, eviction, kill), see the OpenMetadata notes §4.
    /// </summary>
    public static K8s.Container ExitHandler(RunRequest run, string image, IngestionOptions options, IReadOnlyList<KeyValuePair<string, string>> defaults) => new()
    {
        Name = "exit-handler",
        Image = image,
        Command = ["python", "exit_handler.py"],
        Env = Environment(run, options, defaults, ("pipelineType", run.PipelineType), ("pipelineStatus", "{{workflow.status}}")),
        Resources = Resources(options.AutomationResources),
    };

    private static List<string> Entrypoint(RunKind kind) => kind switch
    {
        RunKind.Automation => ["python", "run_automation.py"],
        RunKind.Application => ["python", "-m", "metadata.applications.runner"],
        _ => ["python", "main.py"],
    };

    /// <summary>
    /// The request's values first, then the operator's extra envs, then <paramref name="defaults"/> the agent derives
    /// from its own settings (the secrets manager's); a later one never replaces an earlier one of the same name.
    /// </summary>
    private static List<K8s.EnvVar> Environment(
        RunRequest run, IngestionOptions options, IReadOnlyList<KeyValuePair<string, string>> defaults, params (string Name, string Value)[] extra)
    {
        var env = new List<K8s.EnvVar>
        {
            Escaped("config", run.Config),
            Escaped("pipelineRunId", run.RunId),
            Escaped("ingestionPipelineFQN", run.PipelineFqn),
        };
        env.AddRange(extra.Select(pair => Escaped(pair.Name, pair.Value)));
        foreach (var pair in options.ParsedExtraEnvs.Concat(defaults))
        {
            if (env.TrueForAll(existing => existing.Name != pair.Key))
            {
                env.Add(new K8s.EnvVar { Name = pair.Key, Value = pair.Value });
            }
        }

        return env;
    }

    private static K8s.EnvVar Escaped(string name, string value) => new() { Name = name, Value = KubeletEscaping.Escape(value) };

    private static K8s.ResourceRequirements Resources(PodResources resources) => new()
    {
        Limits = new K8s.ResourceRequirements_limits { AdditionalData = Quantities(resources.CpuLimit, resources.MemoryLimit) },
        Requests = new K8s.ResourceRequirements_requests { AdditionalData = Quantities(resources.CpuRequest, resources.MemoryRequest) },
    };

    private static Dictionary<string, object> Quantities(string? cpu, string? memory)
    {
        var values = new Dictionary<string, object>();
        if (!string.IsNullOrWhiteSpace(cpu))
        {
            values["cpu"] = cpu;
        }

        if (!string.IsNullOrWhiteSpace(memory))
        {
            values["memory"] = memory;
        }

        return values;
    }
}
