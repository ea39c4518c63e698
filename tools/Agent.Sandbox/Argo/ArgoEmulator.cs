using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.State;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo;

/// <summary>
/// The Argo Server emulator as one service: the REST endpoints call it, and tests or the demo resolve it from DI
/// to read state, force phases, drop pods, close watches and read request counts without going through HTTP.
/// Objects it returns are copies; changing them changes nothing in the store.
/// </summary>
internal sealed partial class ArgoEmulator(
    ArgoStore store,
    WorkflowController controller,
    ArgoRequestStats requestStats,
    TimeProvider timeProvider,
    IOptions<ArgoEmulatorOptions> options,
    ILogger<ArgoEmulator> logger)
{
    public ArgoEmulatorOptions Options => options.Value;

    public int OpenWatches => store.OpenWatches;

    /// <summary>The current global resourceVersion, as a list response would report it.</summary>
    public long ResourceVersion => store.ResourceVersion;

    public JsonObject GetWorkflow(string @namespace, string name) => Copy(store.GetWorkflow(@namespace, name));

    /// <summary>Every stored workflow, optionally of one namespace, in no particular order.</summary>
    public List<JsonObject> ListWorkflows(string? @namespace = null) =>
        store.ListWorkflows(@namespace).Items.Select(Copy).ToList();

    public List<JsonObject> ListCronWorkflows(string? @namespace = null) =>
        store.ListCronWorkflows(@namespace).Items.Select(Copy).ToList();

    /// <summary>Forces a phase now (MODIFIED is emitted); the clock then carries on from that phase.</summary>
    public JsonObject ForcePhase(string @namespace, string name, string phase, string? message = null)
    {
        if (!WorkflowPhase.IsKnown(phase))
        {
            throw ArgoApiException.InvalidArgument($"unknown phase \"{phase}\"; use \"\", Pending, Running, Succeeded, Failed or Error");
        }

        ArgoEmulatorLog.PhaseForced(logger, @namespace, name, phase);
        return Copy(controller.ForcePhase(@namespace, name, phase, message));
    }

    /// <summary>Simulates pod garbage collection: from now on the log API returns an empty stream.</summary>
    public void DeletePods(string @namespace, string name)
    {
        store.GetEntry(@namespace, name).Pods.DeleteAll();
        ArgoEmulatorLog.PodsDeleted(logger, @namespace, name);
    }

    /// <summary>Ends every open watch with the in-band 429 "watch closed" error, like a k8s watch timeout.</summary>
    public void CloseWatches()
    {
        ArgoEmulatorLog.WatchesClosing(logger, store.OpenWatches);
        store.CloseWatches();
    }

    public ArgoStatsSnapshot GetStats() =>
        new(requestStats.Snapshot(), store.OpenWatches, store.ListWorkflows(null).Items.Count);

    /// <summary>The pods of a workflow, as the log API reads them.</summary>
    internal WorkflowPods GetPods(string @namespace, string name) => store.GetEntry(@namespace, name).Pods;

    /// <summary>The log of the latest attempt's <c>main</c> container; 404 before its pod exists.</summary>
    internal ContainerLog GetPodLog(string @namespace, string name, out string podName)
    {
        var pod = LatestMainPod(@namespace, name);
        podName = pod.Name;
        return pod.MainLog;
    }

    /// <summary>Appends lines to the latest attempt's <c>main</c> container; returns its line count.</summary>
    internal int AppendMainLog(string @namespace, string name, IEnumerable<string> lines)
    {
        var pods = GetPods(@namespace, name);
        var pod = LatestMainPod(@namespace, name);
        pods.Append(pod, lines);
        return pod.MainLog.Count;
    }

    /// <summary>Appends <paramref name="count"/> generated lines of <paramref name="lineBytes"/> bytes, kept as a lazy segment.</summary>
    internal int AppendSyntheticMainLog(string @namespace, string name, int count, int lineBytes)
    {
        var pods = GetPods(@namespace, name);
        var pod = LatestMainPod(@namespace, name);
        pods.AppendSynthetic(pod, count, lineBytes);
        return pod.MainLog.Count;
    }

    private EmulatedPod LatestMainPod(string @namespace, string name) => GetPods(@namespace, name).LatestMainPod()
        ?? throw new ArgoApiException(GrpcCode.NotFound, $"workflow {@namespace}/{name} has no main pod");

    /// <summary>Published snapshots for a list response, with the resourceVersion they were read at. Read-only.</summary>
    internal (List<JsonObject> Items, long ResourceVersion) WorkflowSnapshots(string @namespace) => store.ListWorkflows(@namespace);

    internal (List<JsonObject> Items, long ResourceVersion) CronWorkflowSnapshots(string @namespace) =>
        store.ListCronWorkflows(@namespace);

    internal WatchSubscription Watch(string @namespace, long? sinceVersion) => store.Watch(@namespace, sinceVersion);

    private static JsonObject Copy(JsonObject snapshot) => snapshot.DeepClone().AsObject();
}
