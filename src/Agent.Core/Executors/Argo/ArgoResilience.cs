using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Agent.Core.Executors.Argo;

/// <summary>The shared <see cref="ExecutorResilience"/> on the Argo Server's unary client, logging under this class's name as it always did.</summary>
internal static class ArgoResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var argo = context.ServiceProvider.GetRequiredService<IOptions<ArgoOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ArgoResilience).FullName!);
        var api = new ExecutorApi(
            "Argo Server", "Argo", argo.AttemptTimeout, exception => ArgoErrorMapper.Map(exception).Message,
            new ExecutorApiEventIds(AgentEventIds.ArgoPaused, AgentEventIds.ArgoStillPaused, AgentEventIds.ArgoResumed));
        ExecutorResilience.Configure(pipeline, api, logger);
    }
}
