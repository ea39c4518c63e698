using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Argo;

/// <summary>
/// The readiness probe's Argo call has its own HTTP client: no retries, and its failures never count towards the
/// circuit breaker that guards real operations.
/// </summary>
public sealed class ArgoProbeIsolationTests
{
    private const int FailedProbes = 30;

    /// <summary>
    /// The clock is frozen, so any retry delay or open breaker would hold a call forever: a probe failing at once and
    /// a create going straight through after 30 failed probes prove neither shares the operations pipeline.
    /// </summary>
    [Fact]
    public async Task CheckAccess_ArgoFailingEveryProbe_ProbesFailOnceEachAndCreateStillGoesThrough()
    {
        var argoServer = new ScriptedArgoHandler();
        await using var provider = Gateway(argoServer);
        var argo = provider.GetRequiredService<IArgoWorkflowClient>();

        // Real time, not the frozen clock: a call stuck on the frozen clock is cancelled, so the test fails, not hangs.
        using var deadline = new CancellationTokenSource(TestTimeouts.Default);

        for (var probe = 0; probe < FailedProbes; probe++)
        {
            var failure = await Assert.ThrowsAsync<ArgoException>(() => argo.CheckAccessAsync(deadline.Token));
            Assert.Equal(ArgoErrorKind.Unavailable, failure.Kind);
        }

        await argo.CreateWorkflowAsync(new Workflow { Metadata = new() { Name = "om-probe-isolation" } }, deadline.Token);

        Assert.Equal(FailedProbes, argoServer.AccessChecks);
        Assert.Equal(1, argoServer.Creates);
        Assert.Equal("om-probe-isolation", argoServer.CreatedName);
    }

    private static ServiceProvider Gateway(ScriptedArgoHandler argoServer)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<AgentMetrics>();
        services.Configure<ArgoOptions>(options =>
        {
            options.Endpoint = "http://argo-server.test:2746";
            options.Token = "argo-token";
            options.Namespace = "ingestion";
        });
        services.AddArgoGateway();
        foreach (var name in new[] { ArgoServiceCollectionExtensions.UnaryClientName, ArgoServiceCollectionExtensions.StreamingClientName, ArgoServiceCollectionExtensions.ProbeClientName })
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => argoServer);
        }

        return services.BuildServiceProvider();
    }
}
