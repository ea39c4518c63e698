using System.Net;
using Agent.Core.Executors.Argo;
using Agent.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Metrics;

/// <summary>The chart dashboard's executor response time gets every Argo call, next to the seed's Argo name.</summary>
public class ExecutorResponseTimeTests
{
    [Fact]
    public async Task ArgoCall_Timed_RecordedUnderBothTheArgoAndTheExecutorNames()
    {
        var clock = new FakeTimeProvider();
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new AgentMetrics(registry, clock);
        using var handler = new ArgoTimingHandler(metrics, clock) { InnerHandler = new AdvancingHandler(clock, TimeSpan.FromMilliseconds(250)) };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri("http://argo.invalid/api/v1/version"));

        var text = await RegistryText.ExpositionAsync(registry);
        foreach (var family in new[] { "argo", "executor" })
        {
            Assert.Contains($"collate_hybrid_agent_{family}_response_time_seconds_count 1", text, StringComparison.Ordinal);
            Assert.Contains($"collate_hybrid_agent_{family}_response_time_seconds_sum 0.25", text, StringComparison.Ordinal);
            Assert.Contains($"collate_hybrid_agent_{family}_response_time_seconds_max 0.25", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Answers 200 after moving the fake clock, so the handler measures a known time.</summary>
    private sealed class AdvancingHandler(FakeTimeProvider clock, TimeSpan delay) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            clock.Advance(delay);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
