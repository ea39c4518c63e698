using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;

namespace Agent.Sandbox.Argo.Api;

/// <summary>The unary <c>WorkflowService</c> routes the sandbox emulates (NOTES §2.1).</summary>
internal static class WorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/workflows/{namespace}", CreateAsync).AddEndpointFilter<CreateDelayFilter>();
        api.MapGet("/workflows/{namespace}", List);
        api.MapGet("/workflows/{namespace}/{name}", Get);
        api.MapDelete("/workflows/{namespace}/{name}", Delete);
        api.MapPut("/workflows/{namespace}/{name}/stop", Stop);
        api.MapPut("/workflows/{namespace}/{name}/terminate", Terminate);
        api.MapPost("/workflows/{namespace}/submit", SubmitAsync);
    }

    private static async Task<ArgoJsonResult> CreateAsync(string @namespace, HttpRequest request, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.CreateWorkflow(@namespace, await RequestJson.ReadObjectAsync(request)));

    private static ArgoJsonResult List(string @namespace, HttpRequest request, ArgoEmulator emulator)
    {
        var query = ListQuery.From(request.Query);
        var (items, version) = emulator.WorkflowSnapshots(@namespace);
        return new ArgoJsonResult(ListResponse.Build(items, version, query));
    }

    private static ArgoJsonResult Get(string @namespace, string name, HttpRequest request, ArgoEmulator emulator)
    {
        var projection = FieldsProjector.Parse(request.Query["fields"]);
        var workflow = emulator.GetWorkflow(@namespace, name);
        return new ArgoJsonResult(projection?.TrimInPlace(workflow) ?? workflow);
    }

    private static ArgoJsonResult Delete(string @namespace, string name, ArgoEmulator emulator)
    {
        emulator.DeleteWorkflow(@namespace, name);
        return new ArgoJsonResult(new JsonObject());
    }

    private static ArgoJsonResult Stop(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.ShutdownWorkflow(@namespace, name, "Stop"));

    private static ArgoJsonResult Terminate(string @namespace, string name, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.ShutdownWorkflow(@namespace, name, "Terminate"));

    private static async Task<ArgoJsonResult> SubmitAsync(string @namespace, HttpRequest request, ArgoEmulator emulator) =>
        new ArgoJsonResult(emulator.SubmitWorkflow(@namespace, await RequestJson.ReadObjectAsync(request)));
}
