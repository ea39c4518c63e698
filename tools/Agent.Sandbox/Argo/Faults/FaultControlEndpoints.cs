using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Api;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/argo</c> that steer fault injection at run time. Not counted in stats.
/// <c>POST /faults</c> takes the <see cref="ArgoFaultOptions"/> fields (camelCase) and replaces all settings.
/// </summary>
internal static class FaultControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/faults", (ArgoFaults faults) => TypedResults.Ok(new FaultsView(faults.Current, faults.Counts)))
            .WithSummary("Current fault settings and how many faults were injected");
        control.MapPost("/faults", ConfigureAsync).WithSummary("Replace the fault settings: {errorRate, routes, latencyMs, watchFails, …}");
        control.MapPost("/watches/drop", (ArgoFaults faults) => TypedResults.Ok(new JsonObject { ["dropped"] = faults.DropWatches() }))
            .WithSummary("Cut every open watch connection without the in-band error");
        control.MapPost("/workflows/{namespace}/{name}/ignore-stop", IgnoreStopAsync)
            .WithSummary("Accept stops of this workflow without finishing it: {ignore: true|false}");
        control.MapPost("/workflows/{namespace}/{name}/log-lines", AppendLogAsync)
            .WithSummary("Append to the pod log: {lines: [...]} or {count, length, fill}");
        control.MapGet("/requests", (ArgoRequestRecorder recorder) => TypedResults.Ok(recorder.Requests))
            .WithSummary("Every Argo API call received, with its body");
    }

    private static async Task<Ok<FaultsView>> ConfigureAsync(HttpRequest request, ArgoFaults faults)
    {
        var body = await RequestJson.ReadObjectAsync(request);
        var options = body.Deserialize(FaultJsonContext.Default.ArgoFaultOptions)
            ?? throw ArgoApiException.InvalidArgument("fault settings required");
        var validation = new ArgoFaultOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw ArgoApiException.InvalidArgument(validation.FailureMessage);
        }

        faults.Configure(options);
        return TypedResults.Ok(new FaultsView(faults.Current, faults.Counts));
    }

    private static async Task<NoContent> IgnoreStopAsync(string @namespace, string name, HttpRequest request, ArgoFaults faults)
    {
        var body = request.ContentLength is > 0 ? await RequestJson.ReadObjectAsync(request) : [];
        if (body["ignore"] is JsonValue flag && flag.TryGetValue<bool>(out var ignore) && !ignore)
        {
            faults.ActOnStop(@namespace, name);
        }
        else
        {
            faults.IgnoreStop(@namespace, name);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<JsonObject>> AppendLogAsync(string @namespace, string name, HttpRequest request, ArgoFaults faults)
    {
        var body = await RequestJson.ReadObjectAsync(request);
        int total;
        if (body["lines"] is JsonArray lines)
        {
            total = faults.AppendPodLog(@namespace, name, [.. lines.Select(line => line?.ToString() ?? "")]);
        }
        else
        {
            var count = body["count"]?.GetValue<int>() ?? throw ArgoApiException.InvalidArgument("lines or count is required");
            var length = body["length"]?.GetValue<int>() ?? 100;
            var fill = ResourceJson.StringAt(body, "fill") ?? "x";
            if (count is < 0 or > 1_000_000 || length is < 0 or > 1_000_000 || fill.Length == 0)
            {
                throw ArgoApiException.InvalidArgument("count and length must be 0..1000000 and fill non-empty");
            }

            total = faults.AppendPodLog(@namespace, name, count, length, fill);
        }

        return TypedResults.Ok(new JsonObject { ["lines"] = total });
    }
}
