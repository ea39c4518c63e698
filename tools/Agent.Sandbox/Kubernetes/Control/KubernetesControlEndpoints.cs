using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Api;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Control;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/kubernetes</c> with which tests and the demo inspect and steer the emulated
/// cluster: list objects, fire a CronJob tick, force a pod's phase, append log lines, send bookmarks, compact the watch
/// history (so the next resume answers 410) and close watches. No auth.
/// </summary>
internal static class KubernetesControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/objects", ListObjects).WithSummary("Every stored object: kind, namespace, name, uid, resourceVersion, phase");
        control.MapPost("/cronjobs/{namespace}/{name}/fire", FireAsync)
            .WithSummary("Fire one schedule tick: {scheduledTime?} (RFC 3339; default now, to the minute)");
        control.MapPost("/pods/{namespace}/{name}/phase", ForcePhaseAsync).WithSummary("Force a pod's phase: {phase: Running|Succeeded|Failed, exitCode?}");
        control.MapPost("/pods/{namespace}/{name}/log", AppendLogAsync)
            .WithSummary("Append to the main container's log: {lines: [..]} or {lines: N, lineBytes: M}");
        control.MapPost("/watch/bookmark", (KubernetesEmulator emulator) => Done(emulator.Store.Bookmark)).WithSummary("Send every bookmark-enabled watch a BOOKMARK now");
        control.MapPost("/watch/compact", (KubernetesEmulator emulator) => Done(emulator.Store.Compact)).WithSummary("Drop the watch history: older resourceVersions answer 410");
        control.MapPost("/watch/close", (KubernetesEmulator emulator) => Done(emulator.Store.CloseWatches)).WithSummary("End every open watch");
    }

    private static KubeJsonResult ListObjects(KubernetesEmulator emulator) => new(new JsonArray([.. emulator.Store.All()
        .Select(o => (JsonNode)new JsonObject
        {
            ["kind"] = o["kind"]?.DeepClone(),
            ["namespace"] = KubeJson.Namespace(o),
            ["name"] = KubeJson.Name(o),
            ["uid"] = KubeJson.Uid(o),
            ["resourceVersion"] = KubeJson.StringAt(o["metadata"], "resourceVersion"),
            ["phase"] = ResourceJson.Phase(o),
        })]));

    private static async Task<KubeJsonResult> FireAsync(string @namespace, string name, HttpRequest request, KubernetesEmulator emulator, TimeProvider time)
    {
        var body = request.ContentLength > 0 ? await KubeRequestBody.ReadAsync(request) : [];
        var scheduled = KubeJson.StringAt(body, "scheduledTime") is { } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : time.GetUtcNow();
        scheduled = new DateTimeOffset(scheduled.Year, scheduled.Month, scheduled.Day, scheduled.Hour, scheduled.Minute, 0, scheduled.Offset);
        lock (emulator.Store.Gate)
        {
            var (job, skipped) = emulator.CronJobs.Fire(new ObjectKey(KubeKind.CronJob, @namespace, name), scheduled);
            return new(new JsonObject { ["job"] = job, ["skipped"] = skipped });
        }
    }

    private static async Task<KubeJsonResult> ForcePhaseAsync(string @namespace, string name, HttpRequest request, KubernetesEmulator emulator)
    {
        var body = await KubeRequestBody.ReadAsync(request);
        var key = new ObjectKey(KubeKind.Pod, @namespace, name);
        lock (emulator.Store.Gate)
        {
            emulator.Get(key);
            var phase = KubeJson.StringAt(body, "phase");
            if (phase is "Running" or "Succeeded" or "Failed")
            {
                emulator.Kubelet.Start(key, forced: true);
            }

            if (phase is "Succeeded" or "Failed")
            {
                emulator.Kubelet.Finish(key, phase == "Succeeded" ? 0 : (int)(KubeJson.LongAt(body, "exitCode") ?? 1));
            }
            else if (phase is not "Running")
            {
                throw KubeStatus.BadRequest("phase must be Running, Succeeded or Failed");
            }

            return new(emulator.Get(key));
        }
    }

    private static async Task<KubeJsonResult> AppendLogAsync(string @namespace, string name, HttpRequest request, KubernetesEmulator emulator)
    {
        var body = await KubeRequestBody.ReadAsync(request);
        lock (emulator.Store.Gate)
        {
            var pod = emulator.Get(new ObjectKey(KubeKind.Pod, @namespace, name));
            var log = emulator.Kubelet.Runtime(pod)?.Log ?? throw KubeStatus.BadRequest($"pod {name} has no log");
            if (body["lines"] is JsonArray lines)
            {
                log.Append(lines.Select(line => line?.GetValue<string>() ?? ""));
            }
            else
            {
                log.AppendSynthetic((int)(KubeJson.LongAt(body, "lines") ?? 0), (int)(KubeJson.LongAt(body, "lineBytes") ?? 80));
            }

            return new(new JsonObject { ["lines"] = log.Count });
        }
    }

    private static KubeJsonResult Done(Action action)
    {
        action();
        return new(new JsonObject { ["ok"] = true });
    }
}
