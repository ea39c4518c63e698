using System.Globalization;
using Prometheus;

namespace Agent.Gateway.Airflow;

/// <summary>
/// Per-route request counts and durations of the Airflow API. <c>route</c> is the route's last segment (deploy,
/// status, …), never the path OpenMetadata sent, so the series stay few whatever the dag_ids.
/// </summary>
internal sealed class AirflowMetrics(IMetricFactory factory)
{
    public Counter Requests { get; } = factory.CreateCounter(
        "collate_hybrid_gateway_http_requests_total", "Airflow API requests OpenMetadata sent, by route and answer code", ["route", "code"]);

    public Histogram Duration { get; } = factory.CreateHistogram(
        "collate_hybrid_gateway_http_request_duration_seconds", "Time to answer an Airflow API request, by route", new HistogramConfiguration
        {
            LabelNames = ["route"],
            // From a health check (ms) to a deploy waiting on its agent (GATEWAY_DEPLOY_TIMEOUT_SECONDS, 15 s by default).
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60],
        });

    public void Record(string route, int statusCode, TimeSpan elapsed)
    {
        Requests.WithLabels(route, statusCode.ToString(CultureInfo.InvariantCulture)).Inc();
        Duration.WithLabels(route).Observe(elapsed.TotalSeconds);
    }
}
