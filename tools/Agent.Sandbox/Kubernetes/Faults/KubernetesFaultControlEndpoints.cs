using System.Text.Json;
using Agent.Sandbox.Kubernetes.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/kubernetes/faults</c> that steer fault injection at run time: GET shows the
/// settings and counts, PUT takes the <see cref="KubernetesFaultOptions"/> fields (camelCase) and replaces all settings,
/// DELETE switches every fault off.
/// </summary>
internal static class KubernetesFaultControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/faults", View).WithSummary("Current fault settings, injected faults and calls per verb and resource");
        control.MapPut("/faults", ConfigureAsync).WithSummary("Replace the fault settings: {errorRate, lostResponseRate, routes, latencyMs, watchFails, …}");
        control.MapDelete("/faults", (KubernetesFaults faults) =>
        {
            faults.Clear();
            return View(faults);
        }).WithSummary("Switch every fault off (the counts go on)");
    }

    private static Ok<KubernetesFaultsView> View(KubernetesFaults faults) => TypedResults.Ok(new KubernetesFaultsView(faults.Current, faults.Counts));

    private static async Task<Ok<KubernetesFaultsView>> ConfigureAsync(HttpRequest request, KubernetesFaults faults)
    {
        var body = await KubeRequestBody.ReadAsync(request);
        var options = body.Deserialize(KubernetesFaultJsonContext.Default.KubernetesFaultOptions)
            ?? throw KubeStatus.BadRequest("fault settings required");
        var validation = new KubernetesFaultOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw KubeStatus.BadRequest(validation.FailureMessage);
        }

        faults.Configure(options);
        return View(faults);
    }
}
