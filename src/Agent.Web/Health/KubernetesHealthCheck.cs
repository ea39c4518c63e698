using Agent.Core.Connectivity;
using Agent.Core.Execution;
using Agent.Core.Executors.Kubernetes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Agent.Web.Health;

/// <summary>
/// With <c>EXECUTOR_TYPE=simpleK8s</c>: ready only while the Kubernetes API server answers the executor. Shared and
/// cached (<see cref="SharedProbe"/>). The seam has no access check of its own, so this asks what every executor
/// answers, <see cref="IRunExecutor.GetVersionAsync"/> (the API server's <c>/version</c>, with the agent's token).
/// </summary>
internal sealed class KubernetesHealthCheck : IHealthCheck
{
    private readonly SharedProbe _probe;

    public KubernetesHealthCheck(IRunExecutor executor, IOptions<KubernetesOptions> options, TimeProvider timeProvider) =>
        _probe = new SharedProbe(cancellationToken => ProbeAsync(executor, options.Value, cancellationToken), "Kubernetes API server", timeProvider);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _probe.CheckAsync(cancellationToken);

    private static async Task<HealthCheckResult> ProbeAsync(IRunExecutor executor, KubernetesOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var version = await executor.GetVersionAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Kubernetes API server reachable (version {version}); namespace {options.Namespace}");
        }
        catch (ExecutorException ex)
        {
            return HealthCheckResult.Unhealthy($"Kubernetes {ex.Kind} at {Where(options)}: {ex.Message}");
        }
    }

    internal static string Where(KubernetesOptions options) =>
        string.IsNullOrWhiteSpace(options.ApiUrl) ? "the in-cluster API server" : RedactedUrl.Of(options.ApiUrl);
}
