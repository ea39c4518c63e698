using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Kubernetes;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Core;

/// <summary>The composition root of Agent.Core: each part registers itself; this only chooses them and their order.</summary>
internal static class AgentCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the control-plane link, the operations, the run registry and the executor behind them (Argo by default).
    /// The host supplies options binding, a <see cref="Prometheus.CollectorRegistry"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAgentCore(this IServiceCollection services) => services.AddAgentCore(ExecutorKind.Argo);

    /// <summary>As <see cref="AddAgentCore(IServiceCollection)"/>, with the executor the operator chose (<c>EXECUTOR_TYPE</c>).</summary>
    public static IServiceCollection AddAgentCore(this IServiceCollection services, ExecutorKind executor)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentMetrics>();
        services.AddRuns(provider => new RunRecovery(executor == ExecutorKind.Kubernetes
            ? provider.GetRequiredService<IOptions<KubernetesOptions>>().Value.RecoveryWindow
            : provider.GetRequiredService<IOptions<ArgoOptions>>().Value.RecoveryWindow));
        services.AddOperations();

        // The host stops hosted services in reverse order of registration, so the executor's watcher, registered first,
        // stops last: it keeps reporting while ControlPlaneService (added by AddLink) drains and flushes, and a run that
        // ends during the drain still gets its final run.status (issue 12, finding 6).
        if (executor == ExecutorKind.Kubernetes)
        {
            services.AddKubernetesExecutor();
        }
        else
        {
            services.AddArgoExecutor();
        }

        services.AddLink();
        return services;
    }
}
