using Agent.Core.Execution;
using Agent.Web.Configuration;
using Agent.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Agent.Web.Health;

internal static class HealthExtensions
{
    /// <summary>Liveness, on the infra listener: also what the container's <c>--health-check</c> asks.</summary>
    public const string LivenessPath = "/health";

    /// <summary>Readiness, on the infra listener.</summary>
    public const string ReadinessPath = "/ready";

    private const string Live = "live";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddAgentHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<LoopProgressHealthCheck>("self", tags: [Live])
            .AddCheck<ControlPlaneHealthCheck>("controlPlane", tags: [Ready]);

        // Only the chosen executor's backend is probed: with simpleK8s there is no Argo Server to ask.
        if (ExecutorSelection.Read(builder.Configuration) == ExecutorKind.Kubernetes)
        {
            builder.Services.AddSingleton<KubernetesHealthCheck>();
            checks.AddCheck<KubernetesHealthCheck>("kubernetes", tags: [Ready]);
        }
        else
        {
            builder.Services.AddSingleton<ArgoHealthCheck>();
            checks.AddCheck<ArgoHealthCheck>("argo", tags: [Ready]);
        }

        return builder;
    }

    /// <summary><c>/health</c> (liveness) and <c>/ready</c> (readiness), on the infra listener only.</summary>
    public static WebApplication MapAgentHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, Options(Live)).RequireListener(ListenerKind.Infra);
        app.MapHealthChecks(ReadinessPath, Options(Ready)).RequireListener(ListenerKind.Infra);
        return app;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
    };
}
