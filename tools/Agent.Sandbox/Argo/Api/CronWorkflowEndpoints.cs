using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Api;

/// <summary>The <c>CronWorkflowService</c> routes (NOTES §2.3), lint excepted.</summary>
internal static class CronWorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cron-workflows/{namespace}", CreateAsync);
        api.MapGet("/cron-workflows/{namespace}", List);
        api.MapGet("/cron-workflows/{namespace}/{name}", Get);
        api.MapPut("/cron-workflows/{namespace}/{name}", UpdateAsync);
        api.MapDelete("/cron-workflows/{namespace}/{name}", Delete);
        api.MapPut("/cron-workflows/{namespace}/{name}/suspend", Suspend);
        api.MapPut("/cron-workflows/{namespace}/{name}/resume", Resume);
    }

    private static async Task<ArgoJsonResult> CreateAsync(string @namespace, HttpRequest request, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.CreateCronWorkflow(@namespace, await RequestJson.ReadObjectAsync(request)));

    private static ArgoJsonResult List(string @namespace, HttpRequest request, ArgoEmulator emulator)
    {
        var query = ListQuery.From(request.Query);
        var (items, version) = emulator.CronWorkflowSnapshots(@namespace);
        return new ArgoJsonResult(ListResponse.Build(items, version, query));
    }

    private static ArgoJsonResult Get(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.GetCronWorkflow(@namespace, name));

    private static async Task<ArgoJsonResult> UpdateAsync(string @namespace, string name, HttpRequest request, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.UpdateCronWorkflow(@namespace, name, await RequestJson.ReadObjectAsync(request)));

    private static ArgoJsonResult Delete(string @namespace, string name, ArgoEmulator emulator)
    {
        emulator.DeleteCronWorkflow(@namespace, name);
        return new ArgoJsonResult(new JsonObject());
    }

    private static ArgoJsonResult Suspend(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.SetCronWorkflowSuspended(@namespace, name, suspended: true));

    private static ArgoJsonResult Resume(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.SetCronWorkflowSuspended(@namespace, name, suspended: false));
}
