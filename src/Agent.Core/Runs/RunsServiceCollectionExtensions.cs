using Agent.Core.Execution;
using Agent.Core.Link;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Core.Runs;

internal static class RunsServiceCollectionExtensions
{
    /// <summary>
    /// The run registry and the status reporter. The reporter is the <see cref="IRunObserver"/> the executor reports to,
    /// and the registry answers Link's heartbeats (<see cref="IRunsInFlight"/>). How far back a finished run is still
    /// reported after a restart comes with <paramref name="recovery"/>, from the executor's options.
    /// </summary>
    public static IServiceCollection AddRuns(this IServiceCollection services, Func<IServiceProvider, RunRecovery> recovery)
    {
        services.AddSingleton<RunRegistry>();
        services.AddSingleton<IRunsInFlight>(provider => provider.GetRequiredService<RunRegistry>());
        services.AddSingleton<RunInventory>();
        services.AddSingleton(recovery);
        services.AddSingleton<RunStatusReporter>();
        services.AddSingleton<IRunObserver>(provider => provider.GetRequiredService<RunStatusReporter>());
        return services;
    }
}
