using Prometheus;

namespace Agent.Gateway.Hosting;

/// <summary>The agent hub's metrics, in the registry the host serves (a test host registers its own).</summary>
internal sealed class GatewayMetrics
{
    private readonly Gauge _connectedAgents;
    private readonly Counter _requests;
    private readonly Histogram _duration;

    public GatewayMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _connectedAgents = factory.CreateGauge(
            "collate_hybrid_gateway_connected_agents", "Agent sessions this replica holds (welcomed, not yet closed).");
        _requests = factory.CreateCounter(
            "collate_hybrid_gateway_agent_requests_total",
            "Requests sent to agents, by protocol type and outcome (ok, failed, not_connected, timed_out).",
            new CounterConfiguration { LabelNames = ["type", "outcome"] });

        // From 5 ms to about 40 s: deploys wait up to GATEWAY_DEPLOY_TIMEOUT_SECONDS (15 s by default).
        _duration = factory.CreateHistogram(
            "collate_hybrid_gateway_agent_request_duration_seconds",
            "Time from sending a request to an agent to its answer or the end of the wait, by protocol type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = Histogram.ExponentialBuckets(0.005, 2.5, 10) });
    }

    public void SetConnectedAgents(int count) => _connectedAgents.Set(count);

    public void RecordRequest(string type, string outcome, TimeSpan elapsed)
    {
        _requests.WithLabels(type, outcome).Inc();
        _duration.WithLabels(type).Observe(elapsed.TotalSeconds);
    }
}
