using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Link;
using Agent.Core.Operations.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations;

internal static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher, its result cache, the hello it builds and one handler per operation. It hands requests to
    /// whatever executor the agent registers (<see cref="Execution.IRunExecutor"/>) and is what Link's session calls.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ResultCache(
            provider.GetRequiredService<TimeProvider>(), ResultCacheLimits.From(provider.GetRequiredService<IOptions<ControlPlaneOptions>>().Value)));
        services.AddSingleton<RequestDispatcher>();
        services.AddSingleton<IRequestSink>(provider => provider.GetRequiredService<RequestDispatcher>());
        services.AddSingleton<HelloFactory>();
        services.AddSingleton<IHelloProvider>(provider => provider.GetRequiredService<HelloFactory>());
        services.AddSingleton<RunStarter>();

        // Argo's rules unless the executor registers its own (AddKubernetesExecutor does, after this).
        services.TryAddSingleton(RunTextRules.Argo);
        services.AddSingleton<SecretsManagerConfig>();
        services.TryAddSingleton<IngestionImage>();
        services.AddSingleton<IServerVersionListener, ServerVersionFollower>();
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
        return services;
    }
}
