using Agent.Core.Executors.Argo;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Operations.Handlers;
using Agent.Core.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Core;

internal static class AgentCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the control-plane client, the operation handlers, the run registry and the executor behind them (Argo).
    /// The host supplies options binding, a <see cref="Prometheus.CollectorRegistry"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAgentCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton(provider => new ResultCache(
            provider.GetRequiredService<TimeProvider>(), ResultCacheLimits.From(provider.GetRequiredService<IOptions<ControlPlaneOptions>>().Value)));
        services.AddSingleton<RequestDispatcher>();
        services.AddSingleton<IRequestSink>(provider => provider.GetRequiredService<RequestDispatcher>());
        services.AddSingleton<HelloFactory>();
        services.AddSingleton<IHelloProvider>(provider => provider.GetRequiredService<HelloFactory>());
        services.AddSingleton<IRunsInFlight>(provider => provider.GetRequiredService<RunRegistry>());

        // The host stops hosted services in reverse order of registration, so the executor's watcher, registered first,
        // stops last: it keeps reporting while ControlPlaneService (added by AddLink) drains and flushes, and a run that
        // ends during the drain still gets its final run.status (issue 12, finding 6).
        services.AddArgoExecutor();
        services.AddLink();

        services.AddSingleton<RunRegistry>();
        services.AddSingleton<RunInventory>();
        services.AddSingleton(provider => new RunRecovery(provider.GetRequiredService<IOptions<ArgoOptions>>().Value.RecoveryWindow));
        services.AddSingleton<RunStatusReporter>();
        services.AddSingleton<IRunObserver>(provider => provider.GetRequiredService<RunStatusReporter>());
        services.AddSingleton<IOperationHandler, PipelineRunHandler>();
        services.AddSingleton<IOperationHandler, ServiceStatusHandler>();
        services.AddSingleton<IOperationHandler, PipelineStatusHandler>();
        services.AddSingleton<IOperationHandler, PipelineLogsHandler>();
        services.AddSingleton<IOperationHandler, PipelineKillHandler>();
        services.AddSingleton<IOperationHandler, PipelineKillRunHandler>();
        services.AddSingleton<IOperationHandler, PipelineDeployHandler>();
        services.AddSingleton<IOperationHandler, PipelineToggleHandler>();
        services.AddSingleton<IOperationHandler, PipelineDeleteHandler>();
        services.AddSingleton<IOperationHandler, AutomationRunHandler>();
        services.AddSingleton<IOperationHandler, ApplicationRunHandler>();
        services.AddSingleton<IOperationHandler, RunsReconcileHandler>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<SecretsManagerConfig>();
        return services;
    }
}
