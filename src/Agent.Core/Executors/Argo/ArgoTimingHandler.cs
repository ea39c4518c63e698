using Agent.Core.Metrics;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Times every HTTP attempt to the Argo Server (until response headers) into both the Argo and the executor
/// response-time families, and counts failures by kind.
/// </summary>
internal sealed class ArgoTimingHandler(AgentMetrics metrics, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500 || (int)response.StatusCode == 429)
            {
                metrics.ArgoErrors.WithLabels(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            }

            return response;
        }
        catch (HttpRequestException)
        {
            metrics.ArgoErrors.WithLabels("unreachable").Inc();
            throw;
        }
        finally
        {
            // One observation, two families: the seed's Argo name and the chart's executor name.
            var elapsed = timeProvider.GetElapsedTime(started);
            metrics.ArgoResponseTime.Observe(elapsed);
            metrics.ExecutorResponseTime.Observe(elapsed);
        }
    }
}
