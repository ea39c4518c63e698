namespace Agent.Gateway.Hosting;

internal static class GatewayHealth
{
    public const string LivenessPath = "/health";
    public const string ReadinessPath = "/ready";

    private const string Ready = "ready";

    public static WebApplicationBuilder AddGatewayHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<ListenersHealthCheck>("listeners", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> runs no check: the process answers, so it is alive (a store outage must not restart every
    /// replica). <c>/ready</c> takes the replica out of the Service while the store or a listener is down.
    /// </summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new() { Predicate = _ => false }).RequireListener(ListenerKind.Metrics);
        app.MapHealthChecks(ReadinessPath, new() { Predicate = registration => registration.Tags.Contains(Ready) }).RequireListener(ListenerKind.Metrics);
        return app;
    }
}
