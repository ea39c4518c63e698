using Agent.Sandbox.Argo.Api;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Argo.Streaming;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// Runs inside the <see cref="ArgoApiFilter"/> (so injected failures are counted and auth still applies): records the
/// call, then applies whatever <see cref="ArgoFaults"/> decides for it.
/// </summary>
internal sealed class ArgoFaultFilter(
    ArgoFaults faults,
    ArgoRequestRecorder recorder,
    ArgoStore store,
    TimeProvider timeProvider,
    IOptions<ArgoEmulatorOptions> options) : IEndpointFilter
{
    public const string WatchTemplate = "/api/v1/workflow-events/{namespace}";
    public const string StopTemplate = "/api/v1/workflows/{namespace}/{name}/stop";
    public const string InjectedMessage = "sandbox fault injection: the Argo Server is unavailable";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var isStream = endpoint?.Metadata.GetMetadata<ArgoEndpointMetadata>()?.IsStream == true;
        await recorder.RecordAsync(http.Request, template);

        var decision = faults.Decide(http.Request.Method, template);
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, timeProvider, http.RequestAborted);
        }

        if (decision.FailBefore)
        {
            return Unavailable(isStream);
        }

        if (template == WatchTemplate)
        {
            return await WatchAsync(context, next);
        }

        if (template == StopTemplate && http.Request.RouteValues is { } values
            && faults.IgnoresStop($"{values["namespace"]}", $"{values["name"]}"))
        {
            return new ArgoJsonResult(PatchShutdownOnly($"{values["namespace"]}", $"{values["name"]}"));
        }

        var result = await next(context);
        return decision.FailAfter ? Unavailable(isStream) : result;
    }

    private static ArgoErrorResult Unavailable(bool isStream) =>
        new(new ArgoApiException(GrpcCode.Unavailable, InjectedMessage), isStream);

    private async ValueTask<object?> WatchAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (faults.WatchFails)
        {
            faults.CountWatchFailure();
            return Unavailable(isStream: true);
        }

        if (!string.IsNullOrEmpty(http.Request.Query["listOptions.resourceVersion"]) && faults.TryTakeTooOldResourceVersion())
        {
            // As the store does for a resourceVersion its ring no longer holds: 200 headers, then the in-band error.
            await EndAtOnceAsync(http, GrpcCode.InvalidArgument, $"too old resource version: {http.Request.Query["listOptions.resourceVersion"]}");
            return Results.Empty;
        }

        if (faults.WatchEndsAtOnce)
        {
            // As Argo does when the k8s watch behind it closes, here before its first event: 200 headers, then EOF in-band.
            faults.CountWatchEndedAtOnce();
            await EndAtOnceAsync(http, GrpcCode.ResourceExhausted, "EOF");
            return Results.Empty;
        }

        using var tracked = faults.TrackWatch(http);
        return await next(context);
    }

    private async Task EndAtOnceAsync(HttpContext http, int grpcCode, string message)
    {
        await using var writer = new ArgoStreamWriter(http.Response, timeProvider, TimeSpan.FromSeconds(options.Value.SseKeepAliveSeconds));
        await writer.StartAsync(http.RequestAborted);
        await writer.WriteErrorAsync(grpcCode, message, http.RequestAborted);
    }

    /// <summary>A controller that never acts on the stop: spec.shutdown is set (MODIFIED goes out), the phase stays.</summary>
    private System.Text.Json.Nodes.JsonObject PatchShutdownOnly(string @namespace, string name) =>
        store.UpdateWorkflow(@namespace, name, (_, working) =>
        {
            ResourceJson.Child(working, "spec")["shutdown"] = "Stop";
            return true;
        }).DeepClone().AsObject();
}
