using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Kubernetes;
using Agent.Sandbox.Kubernetes.State;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>
/// What the sandbox's Kubernetes emulator stores in one namespace, read by the labels and annotations the agent sets,
/// and the two ways a test moves the cluster on: fire a CronJob tick, force a pod's phase. The twin of
/// <c>ArgoObjects</c> and <c>ArgoCounts</c> for tests of the Kubernetes executor.
/// </summary>
internal sealed class KubeObjects(SandboxServer sandbox, string @namespace)
{
    public const string FqnAnnotation = "hybrid-agent/pipeline-fqn";
    public const string RunIdAnnotation = "hybrid-agent/run-id";

    public KubernetesEmulator Emulator => sandbox.Services.GetRequiredService<KubernetesEmulator>();

    public string Namespace => @namespace;

    public List<JsonObject> List(KubeKind kind) => Emulator.List(kind, @namespace, LabelSelector.Everything).Items;

    /// <summary>Jobs, those of one pipeline when <paramref name="pipelineFqn"/> is given.</summary>
    public List<JsonObject> Jobs(string? pipelineFqn = null) => OfPipeline(List(KubeKind.Job), pipelineFqn);

    public List<JsonObject> CronJobs(string? pipelineFqn = null) => OfPipeline(List(KubeKind.CronJob), pipelineFqn);

    public List<JsonObject> Secrets() => List(KubeKind.Secret);

    /// <summary>Pods, those of one Job when <paramref name="jobName"/> is given, oldest first.</summary>
    public List<JsonObject> Pods(string? jobName = null) =>
        [.. List(KubeKind.Pod)
            .Where(pod => jobName is null || Label(pod, "job-name") == jobName)
            .OrderBy(pod => (string?)pod["metadata"]?["creationTimestamp"], StringComparer.Ordinal)];

    public JsonObject? Job(string name) => Jobs().SingleOrDefault(job => Name(job) == name);

    public JsonObject? CronJob(string name) => CronJobs().SingleOrDefault(cron => Name(cron) == name);

    /// <summary>Jobs grouped by the run id annotation the agent puts on them (scheduled runs have none: key "").</summary>
    public Dictionary<string, int> JobsPerRun() =>
        Jobs().GroupBy(job => Annotation(job, RunIdAnnotation) ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    /// <summary>The newest pod of <paramref name="jobName"/>, waiting until the Job controller made one.</summary>
    public Task<JsonObject> PodOfAsync(string jobName, CancellationToken cancellationToken) =>
        WaitForAsync(objects => objects.Pods(jobName).LastOrDefault(), cancellationToken);

    /// <summary>Ends (or starts) the newest pod of <paramref name="jobName"/>, as its program would.</summary>
    public async Task ForcePhaseAsync(string jobName, string phase, int exitCode = 1, CancellationToken cancellationToken = default)
    {
        var pod = await PodOfAsync(jobName, cancellationToken);
        using var response = await sandbox.Client.PostAsync(
            $"/sandbox/kubernetes/pods/{@namespace}/{Name(pod)}/phase",
            JsonContent(new JsonObject { ["phase"] = phase, ["exitCode"] = phase == "Succeeded" ? 0 : exitCode }),
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One schedule tick of a CronJob, as its controller would fire it; returns the Job it made.</summary>
    public async Task<JsonObject> FireCronJobAsync(string cronJobName, CancellationToken cancellationToken = default)
    {
        using var response = await sandbox.Client.PostAsync($"/sandbox/kubernetes/cronjobs/{@namespace}/{cronJobName}/fire", JsonContent([]), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        return body["job"]?.AsObject() ?? throw new InvalidOperationException($"no Job was fired for {cronJobName}: {body.ToJsonString()}");
    }

    public static string Name(JsonNode resource) => (string)resource["metadata"]!["name"]!;

    public static string? Label(JsonNode resource, string key) => (string?)resource["metadata"]?["labels"]?[key];

    public static string? Annotation(JsonNode resource, string key) => (string?)resource["metadata"]?["annotations"]?[key];

    private static List<JsonObject> OfPipeline(List<JsonObject> items, string? pipelineFqn) =>
        pipelineFqn is null ? items : [.. items.Where(item => Annotation(item, FqnAnnotation) == pipelineFqn)];

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// Completes when <paramref name="ready"/> returns a value, checked now and after each change the emulator stores.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<KubeObjects, T?> ready, CancellationToken cancellationToken)
        where T : class
    {
        var store = Emulator.Store;
        var changed = new SemaphoreSlim(0);
        void OnChanged(KubeKind kind, WatchEvent change) => changed.Release();
        store.Changed += OnChanged;
        try
        {
            while (true)
            {
                if (ready(this) is { } value)
                {
                    return value;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }
}
