using Agent.Core.Metrics;

namespace Agent.Core.Executors.Argo;

/// <summary>Times every HTTP attempt to the Argo Server (until response headers) and counts failures by kind.</summary>
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
            metrics.ArgoResponseTime.Observe(timeProvider.GetElapsedTime(started));
        }
    }
}
