using Agent.Core.Executors.Kubernetes;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>For <c>replaceServices</c>: the agent's Kubernetes client swapped for one whose pipeline is a test's handler.</summary>
internal static class AgentKubernetesClient
{
    /// <summary>
    /// A client on the API server the agent was configured with, <paramref name="handler"/> in its pipeline (the agent's
    /// own resilience and request-timing handlers are left out: the test's handler decides what the agent meets).
    /// </summary>
    public static void Through(IServiceCollection services, DelegatingHandler handler) => services.AddSingleton<IKubernetes>(provider => new k8s.Kubernetes(
        new KubernetesClientConfiguration { Host = provider.GetRequiredService<IOptions<KubernetesOptions>>().Value.ApiUrl },
        handler));
}
