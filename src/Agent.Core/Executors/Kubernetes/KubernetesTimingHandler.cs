using Agent.Core.Metrics;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Times every call to the API server (until response headers; a watch counts its opening) into the chart's
/// executor response-time family, <c>collate_hybrid_agent_executor_response_time_seconds</c>, as the Argo path does.
/// </summary>
internal sealed class KubernetesTimingHandler(AgentMetrics metrics, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            metrics.ExecutorResponseTime.Observe(timeProvider.GetElapsedTime(started));
        }
    }
}
