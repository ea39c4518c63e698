namespace Agent.Gateway.Airflow;

/// <summary>
/// Counts and times every Airflow request, refused ones (401) included: it sits on the outermost group, ahead of the
/// Basic auth filter. The code is read when the answer starts, so a client that has the answer also sees it counted.
/// </summary>
internal sealed class RouteMetricsFilter(AirflowMetrics metrics, TimeProvider time) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var route = RouteOf(http);
        var started = time.GetTimestamp();
        http.Response.OnStarting(() =>
        {
            metrics.Record(route, http.Response.StatusCode, time.GetElapsedTime(started));
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string RouteOf(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unknown";
        return pattern[(pattern.LastIndexOf('/') + 1)..];
    }
}
