using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Api;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.Argo.Control;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/argo</c> with which tests and the demo inspect the emulator and steer it:
/// force phases, drop pods, close watches, fire cron ticks and read request counts. No auth, not counted in stats.
/// <c>POST /workflows/{namespace}/{name}/log</c> with <c>{"lines": N, "lineBytes": M}</c> appends N generated lines of
/// M bytes to the <c>main</c> container of the latest attempt; they are kept as one lazy segment generated on read, so
/// a benchmark can page through hundreds of MB of log without the sandbox holding them.
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/workflows", ListWorkflows).WithSummary("All workflows with phase and labels");
        control.MapGet("/cron-workflows", ListCronWorkflows).WithSummary("All cron workflows");
        control.MapPost("/workflows/{namespace}/{name}/phase", ForcePhaseAsync).WithSummary("Force a phase: {phase, message?}");
        control.MapPost("/workflows/{namespace}/{name}/pods/delete", DeletePods).WithSummary("Garbage-collect the workflow's pods");
        control.MapPost("/workflows/{namespace}/{name}/log", AppendLogAsync)
            .WithSummary("Append generated lines to the latest attempt's main container: {lines, lineBytes}");
        control.MapPost("/watches/close", CloseWatches).WithSummary("End every open watch with the in-band 429 error");
        control.MapPost("/cron-workflows/{namespace}/{name}/trigger", Trigger).WithSummary("Create a workflow as a schedule tick would");
        control.MapGet("/stats", (ArgoEmulator emulator) => TypedResults.Ok(emulator.GetStats())).WithSummary("Argo API call counts");
    }

    private static Ok<List<WorkflowSummary>> ListWorkflows(ArgoEmulator emulator) => TypedResults.Ok(emulator.ListWorkflows()
        .Select(w => new WorkflowSummary(
            ResourceJson.Name(w), ResourceJson.Namespace(w), ResourceJson.Phase(w),
            ResourceJson.StringAt(w["metadata"], "resourceVersion") ?? "", ResourceJson.Labels(w)))
        .OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal)
        .ToList());

    private static Ok<List<CronWorkflowSummary>> ListCronWorkflows(ArgoEmulator emulator) => TypedResults.Ok(emulator.ListCronWorkflows()
        .Select(c => new CronWorkflowSummary(
            ResourceJson.Name(c), ResourceJson.Namespace(c),
            c["spec"]?["suspend"] is JsonValue suspend && suspend.TryGetValue<bool>(out var suspended) && suspended,
            (c["spec"]?["schedules"] as JsonArray ?? []).Select(s => s?.ToString() ?? "").ToList(),
            ResourceJson.Labels(c)))
        .OrderBy(c => c.Namespace, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
        .ToList());

    private static async Task<ArgoJsonResult> ForcePhaseAsync(string @namespace, string name, HttpRequest request, ArgoEmulator emulator)
    {
        var body = await RequestJson.ReadObjectAsync(request);
        var phase = ResourceJson.StringAt(body, "phase") ?? throw ArgoApiException.InvalidArgument("phase is required");
        return new ArgoJsonResult(emulator.ForcePhase(@namespace, name, phase, ResourceJson.StringAt(body, "message")));
    }

    private static async Task<Ok<JsonObject>> AppendLogAsync(string @namespace, string name, HttpRequest request, ArgoEmulator emulator)
    {
        var body = await RequestJson.ReadObjectAsync(request);
        var lines = body["lines"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : -1;
        var lineBytes = body["lineBytes"] is JsonValue size && size.TryGetValue<int>(out var m) ? m : -1;
        if (lines is < 0 or > 100_000_000 || lineBytes is < 0 or > 1_048_576)
        {
            throw ArgoApiException.InvalidArgument("lines (0..100000000) and lineBytes (0..1048576) are required integers");
        }

        var total = emulator.AppendSyntheticMainLog(@namespace, name, lines, lineBytes);
        return TypedResults.Ok(new JsonObject { ["lines"] = total });
    }

    private static NoContent DeletePods(string @namespace, string name, ArgoEmulator emulator)
    {
        emulator.DeletePods(@namespace, name);
        return TypedResults.NoContent();
    }

    private static Ok<JsonObject> CloseWatches(ArgoEmulator emulator)
    {
        var closed = emulator.OpenWatches;
        emulator.CloseWatches();
        return TypedResults.Ok(new JsonObject { ["closed"] = closed });
    }

    private static ArgoJsonResult Trigger(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.TriggerCronWorkflow(@namespace, name));
}
