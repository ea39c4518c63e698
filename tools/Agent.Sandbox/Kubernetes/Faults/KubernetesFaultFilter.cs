using Agent.Sandbox.Kubernetes.Api;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// Runs inside the <see cref="KubeApiFilter"/> (so auth still applies and failures keep their Status): counts the call,
/// then applies whatever <see cref="KubernetesFaults"/> decides for it.
/// </summary>
internal sealed class KubernetesFaultFilter(KubernetesFaults faults, TimeProvider timeProvider) : IEndpointFilter
{
    public const string InjectedMessage = "sandbox fault injection: the Kubernetes API server is unavailable";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var call = KubeCall.Of(http);
        var decision = faults.Decide(call);
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, timeProvider, http.RequestAborted);
        }

        if (decision.FailBefore)
        {
            return Unavailable();
        }

        if (call.Verb == "watch")
        {
            return await WatchAsync(context, next);
        }

        var result = await next(context);
        return decision.FailAfter ? Unavailable() : result;
    }

    private static KubeJsonResult Unavailable() => KubeJsonResult.From(KubeStatus.ServiceUnavailable(InjectedMessage));

    private ValueTask<object?> WatchAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (faults.WatchFails)
        {
            faults.CountWatchFailure();
            return ValueTask.FromResult<object?>(Unavailable());
        }

        if (faults.WatchEndsAtOnce)
        {
            // As a watch the apiserver closes before its first event (e.g. its timeout or a restart): 200, no event, EOF.
            faults.CountWatchEndedAtOnce();
            return ValueTask.FromResult<object?>(Results.Content("", "application/json"));
        }

        return next(context);
    }
}
