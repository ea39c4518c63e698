using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Api;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.Argo.Control;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/argo</c> with which tests and the demo inspect the emulator and steer it:
/// force phases, drop pods, close watches, fire cron ticks and read request counts. No auth, not counted in stats.
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/workflows", ListWorkflows).WithSummary("All workflows with phase and labels");
        control.MapGet("/cron-workflows", ListCronWorkflows).WithSummary("All cron workflows");
        control.MapPost("/workflows/{namespace}/{name}/phase", ForcePhaseAsync).WithSummary("Force a phase: {phase, message?}");
        control.MapPost("/workflows/{namespace}/{name}/pods/delete", DeletePods).WithSummary("Garbage-collect the workflow's pods");
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
