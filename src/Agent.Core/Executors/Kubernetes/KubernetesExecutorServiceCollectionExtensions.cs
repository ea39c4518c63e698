using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Agent.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Kubernetes;

internal static class KubernetesExecutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers plain Kubernetes Jobs as the executor behind the seam: the official client, the builders, the executor,
    /// the scheduler and the Job watcher, which reports to whatever <see cref="IRunObserver"/> the agent registers.
    /// Register it before the control-plane client: the host stops hosted services in reverse order, and the watcher must
    /// outlive the client's drain. The host binds <see cref="KubernetesOptions"/>; the validator is registered here.
    /// </summary>
    public static IServiceCollection AddKubernetesExecutor(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsValidator>());
        services.AddSingleton(provider => KubernetesClientFactory.Create(
            provider.GetRequiredService<IOptions<KubernetesOptions>>().Value,
            provider.GetRequiredService<AgentMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IngestionImage>();
        services.AddSingleton<JobFactory>();
        services.AddSingleton(provider => new OwnedJobs(
            provider.GetRequiredService<k8s.IKubernetes>(),
            provider.GetRequiredService<JobFactory>(),
            provider.GetRequiredService<AgentIdentity>().AgentId));
        services.AddSingleton<IRunExecutor, KubernetesRunExecutor>();
        services.AddSingleton<IPipelineScheduler, KubernetesPipelineScheduler>();
        services.AddHostedService<JobWatcher>();
        return services;
    }
}
