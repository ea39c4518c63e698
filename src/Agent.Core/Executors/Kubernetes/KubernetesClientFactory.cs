using Agent.Core.Metrics;
using k8s;
using k8s.Authentication;
using Microsoft.Extensions.Logging;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The official client on the configured API server: in-cluster (the pod's service account, its CA and projected
/// token) when <see cref="KubernetesOptions.ApiUrl"/> is empty, else that URL with the token file. Either way the
/// token is a <see cref="TokenFileAuth"/>, which rereads the file at most a minute after it was last read, so a
/// rotated projected token is picked up (KubernetesClient src/KubernetesClient/Authentication/TokenFileAuth.cs;
/// research-16 §2.1). Calls go through <see cref="KubernetesResilience"/>.
/// </summary>
internal static class KubernetesClientFactory
{
    public static IKubernetes Create(KubernetesOptions options, AgentMetrics metrics, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var configuration = string.IsNullOrWhiteSpace(options.ApiUrl)
            ? KubernetesClientConfiguration.InClusterConfig()
            : new KubernetesClientConfiguration
            {
                Host = options.ApiUrl,
                TokenProvider = string.IsNullOrWhiteSpace(options.TokenFile) ? null : new TokenFileAuth(options.TokenFile),
            };
        // The first handler is the outermost: retries wrap each timed attempt, as on the Argo path.
        return new k8s.Kubernetes(
            configuration,
            KubernetesResilience.CreateHandler(options, loggerFactory, timeProvider),
            new KubernetesTimingHandler(metrics, timeProvider));
    }
}
