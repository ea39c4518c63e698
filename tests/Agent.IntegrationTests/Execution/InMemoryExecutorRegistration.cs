using Agent.Core.Executors.Argo;
using Agent.Core.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Agent.IntegrationTests.Execution;

internal static class InMemoryExecutorRegistration
{
    /// <summary>
    /// Puts <see cref="InMemoryExecutor"/> behind the seam in place of Argo's executor and its watcher; every handler,
    /// the run starter, the registry and the reporter stay the agent's own.
    /// </summary>
    public static IServiceCollection UseInMemoryExecutor(this IServiceCollection services)
    {
        services.RemoveAll<IRunExecutor>();
        services.RemoveAll(descriptor => descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType == typeof(WorkflowWatcher));
        services.AddSingleton<InMemoryExecutor>();
        services.AddSingleton<IRunExecutor>(provider => provider.GetRequiredService<InMemoryExecutor>());
        services.AddHostedService(provider => provider.GetRequiredService<InMemoryExecutor>());
        return services;
    }

    private static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
