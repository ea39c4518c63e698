using Agent.Core.Executors.Argo.Building;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

internal static class ArgoExecutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers Argo Workflows as the executor behind the seam (<see cref="IRunExecutor"/>, <see cref="IPipelineScheduler"/>):
    /// the gateway, the build path with the operator's customization and local policy, and the watcher, which reports
    /// to whatever <see cref="IRunObserver"/> the agent registers. Register it before the control-plane client: the host
    /// stops hosted services in reverse order, and the watcher must outlive the client's drain.
    /// </summary>
    public static IServiceCollection AddArgoExecutor(this IServiceCollection services)
    {
        services.AddArgoGateway();
        services.AddSingleton<ArgoRunIds>();
        services.AddSingleton(provider => new OwnedWorkflows(
            provider.GetRequiredService<IArgoWorkflowClient>(),
            provider.GetRequiredService<IArgoCronWorkflowClient>(),
            provider.GetRequiredService<AgentIdentity>().AgentId));
        services.AddSingleton(provider => PodCustomization.Load(provider.GetRequiredService<IOptions<IngestionOptions>>().Value));
        services.AddSingleton(provider => LocalPolicy.Load(provider.GetRequiredService<IOptions<IngestionOptions>>().Value.PolicyFilePath));
        services.AddSingleton<WorkflowCustomizer>();

        // One image for the executor and service.status alike: whoever registers first provides it.
        services.TryAddSingleton<IngestionImage>();
        services.AddSingleton<ArgoRunBuilder>();
        services.AddSingleton<RunTerminator>();
        services.AddSingleton<IRunExecutor, ArgoRunExecutor>();
        services.AddSingleton<IPipelineScheduler, ArgoPipelineScheduler>();
        services.AddHostedService<WorkflowWatcher>();
        return services;
    }
}
