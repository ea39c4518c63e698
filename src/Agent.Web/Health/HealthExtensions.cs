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
        builder.Services.AddSingleton<ArgoHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<LoopProgressHealthCheck>("self", tags: [Live])
            .AddCheck<ControlPlaneHealthCheck>("controlPlane", tags: [Ready])
            .AddCheck<ArgoHealthCheck>("argo", tags: [Ready]);
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
