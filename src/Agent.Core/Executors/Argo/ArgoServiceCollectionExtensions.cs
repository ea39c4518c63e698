using Agent.Core.Execution;
using Agent.Core.Executors.Argo.Building;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Agent.Core.Executors.Argo;

internal static class ArgoServiceCollectionExtensions
{
    public const string UnaryClientName = "argo";
    public const string StreamingClientName = "argo-stream";
    public const string ProbeClientName = "argo-probe";

    /// <summary>Registers the Argo gateway: the generated client on resilient HTTP, and the workflow factories (the watcher is registered with the control-plane client, whose shutdown it must outlive).</summary>
    public static IServiceCollection AddArgoGateway(this IServiceCollection services)
    {
        services.AddSingleton<ArgoTokenProvider>();
        services.AddTransient<ArgoTimingHandler>();
        services.AddHttpClient(UnaryClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ArgoHttpHandlers.Primary(provider.GetRequiredService<IOptions<ArgoOptions>>().Value))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => AddKiotaMiddleware(handlers))
            .AddResilienceHandler("argo", ArgoResilience.Configure);
        services.AddQuietPollyTelemetry();
        services.AddHttpClient(UnaryClientName).AddHttpMessageHandler<ArgoTimingHandler>();
        services.AddHttpClient(StreamingClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => ArgoHttpHandlers.Primary(provider.GetRequiredService<IOptions<ArgoOptions>>().Value))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => AddKiotaMiddleware(handlers));

        // Readiness and diagnostics checks: one attempt under the per-attempt timeout. Sharing the unary pipeline
        // would let a flapping probe open the breaker for a pipeline.run, and retries would multiply probe traffic.
        services.AddHttpClient(ProbeClientName, (provider, client) => client.Timeout = provider.GetRequiredService<IOptions<ArgoOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider => ArgoHttpHandlers.Primary(provider.GetRequiredService<IOptions<ArgoOptions>>().Value))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => AddKiotaMiddleware(handlers))
            .AddHttpMessageHandler<ArgoTimingHandler>();
        services.AddSingleton(CreateClients);
        services.AddSingleton<IArgoWorkflowClient, ArgoWorkflowClient>();
        services.AddSingleton<IArgoCronWorkflowClient, ArgoCronWorkflowClient>();
        services.AddSingleton<WorkflowFactory>();
        services.AddSingleton<CronWorkflowFactory>();
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
        ArgoStartupLog.Describe(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Agent.Core.Executors.Argo"), options);
        var authentication = new BaseBearerTokenAuthenticationProvider(provider.GetRequiredService<ArgoTokenProvider>());
        return new ArgoApiClients(
            new HttpClientRequestAdapter(authentication, httpClient: factory.CreateClient(UnaryClientName)) { BaseUrl = endpoint },
            new HttpClientRequestAdapter(authentication, httpClient: factory.CreateClient(StreamingClientName)) { BaseUrl = endpoint },
            new HttpClientRequestAdapter(authentication, httpClient: factory.CreateClient(ProbeClientName)) { BaseUrl = endpoint });
    }
}
