using Agent.Core.Argo.Building;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Polly;

namespace Agent.Core.Argo;

public static class ArgoServiceCollectionExtensions
{
    public const string UnaryClientName = "argo";
    public const string StreamingClientName = "argo-stream";

    /// <summary>Registers the Argo gateway: the generated client on resilient HTTP, the watcher and the workflow factory.</summary>
    public static IServiceCollection AddArgoGateway(this IServiceCollection services)
    {
        services.AddSingleton<ArgoTokenProvider>();
        services.AddTransient<ArgoTimingHandler>();
        services.AddHttpClient(UnaryClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ArgoHttpHandlers.Primary(provider.GetRequiredService<IOptions<ArgoOptions>>().Value))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => AddKiotaMiddleware(handlers))
            .AddResilienceHandler("argo", (pipeline, context) =>
            {
                var argo = context.ServiceProvider.GetRequiredService<IOptions<ArgoOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Creates are safe to replay: workflow names are deterministic, so a replay meets 409.
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { MinimumThroughput = 20, FailureRatio = 0.5 });
                pipeline.AddTimeout(argo.AttemptTimeout);
            });
        services.AddHttpClient(UnaryClientName).AddHttpMessageHandler<ArgoTimingHandler>();
        services.AddHttpClient(StreamingClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => ArgoHttpHandlers.Primary(provider.GetRequiredService<IOptions<ArgoOptions>>().Value))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => AddKiotaMiddleware(handlers));
        services.AddSingleton(CreateClients);
        services.AddSingleton<IArgoWorkflowClient, ArgoWorkflowClient>();
        services.AddSingleton<IArgoCronWorkflowClient, ArgoCronWorkflowClient>();
        services.AddSingleton<WorkflowFactory>();
        services.AddSingleton<CronWorkflowFactory>();
        services.AddHostedService<WorkflowWatcher>();
        return services;
    }

    private static void AddKiotaMiddleware(IList<DelegatingHandler> handlers)
    {
        // Outermost, in Kiota's own order, so they act once per call rather than once per retry.
        var position = 0;
        foreach (var handler in ArgoHttpHandlers.KiotaMiddleware())
        {
            handlers.Insert(position++, handler);
        }
    }

    private static ArgoApiClients CreateClients(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var options = provider.GetRequiredService<IOptions<ArgoOptions>>().Value;
        var endpoint = options.Endpoint.TrimEnd('/');
        ArgoStartupLog.Describe(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Agent.Core.Argo"), options);
        var authentication = new BaseBearerTokenAuthenticationProvider(provider.GetRequiredService<ArgoTokenProvider>());
        return new ArgoApiClients(
            new HttpClientRequestAdapter(authentication, httpClient: factory.CreateClient(UnaryClientName)) { BaseUrl = endpoint },
            new HttpClientRequestAdapter(authentication, httpClient: factory.CreateClient(StreamingClientName)) { BaseUrl = endpoint });
    }
}
