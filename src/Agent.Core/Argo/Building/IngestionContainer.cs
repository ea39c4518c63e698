using Agent.Core.Ingestion;
using K8s = Agent.Core.Argo.Generated.Models.Io.K8s.Api.Core.V1;

namespace Agent.Core.Argo.Building;

/// <summary>The containers of a run: the entrypoint for its kind, and the exit handler that marks crashed runs failed.</summary>
public static class IngestionContainer
{
    public static K8s.Container Main(RunRequest run, IngestionOptions options) => new()
    {
        Name = "main",
        Image = options.Image,
        Command = Entrypoint(run.Kind),
        Env = Environment(run, options, ("pipelineType", run.PipelineType)),
        Resources = Resources(run.Kind == RunKind.Automation ? options.AutomationResources : options.Resources),
    };

    /// <summary>
    /// Runs after the workflow ends whatever happened; with the workflow's status it records a failed run that
    /// never reported its own end (OOM, eviction, kill), see the OpenMetadata notes §4.
    /// </summary>
    public static K8s.Container ExitHandler(RunRequest run, IngestionOptions options) => new()
    {
        Name = "exit-handler",
        Image = options.Image,
        Command = ["python", "exit_handler.py"],
        Env = Environment(run, options, ("pipelineType", run.PipelineType), ("pipelineStatus", "{{workflow.status}}")),
        Resources = Resources(options.AutomationResources),
    };

    private static List<string> Entrypoint(RunKind kind) => kind switch
    {
        RunKind.Automation => ["python", "run_automation.py"],
        RunKind.Application => ["python", "-m", "metadata.applications.runner"],
        _ => ["python", "main.py"],
    };

    private static List<K8s.EnvVar> Environment(RunRequest run, IngestionOptions options, params (string Name, string Value)[] extra)
    {
        var env = new List<K8s.EnvVar>
        {
            new() { Name = "config", Value = run.Config },
            new() { Name = "pipelineRunId", Value = run.RunId },
            new() { Name = "ingestionPipelineFQN", Value = run.PipelineFqn },
        };
        env.AddRange(extra.Select(pair => new K8s.EnvVar { Name = pair.Name, Value = pair.Value }));
        env.AddRange(options.ParsedExtraEnvs
            .Where(pair => env.TrueForAll(existing => existing.Name != pair.Key))
            .Select(pair => new K8s.EnvVar { Name = pair.Key, Value = pair.Value }));
        return env;
    }

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
