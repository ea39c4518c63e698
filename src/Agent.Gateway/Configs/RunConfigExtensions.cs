using Agent.Gateway.Hosting;

namespace Agent.Gateway.Configs;

/// <summary>
/// Registers the WorkflowConfigBuilder port (<see cref="IRunConfigBuilder"/>) and the OpenMetadata service lookup it
/// needs: a typed HttpClient with the standard resilience handler, every attempt and the whole call bounded by
/// <c>GATEWAY_OPENMETADATA_TIMEOUT_SECONDS</c>.
/// </summary>
internal static class RunConfigExtensions
{
    public static WebApplicationBuilder AddRunConfigs(this WebApplicationBuilder builder)
    {
        // A bad value stops start-up through the settings' rules; the clamp only keeps the handler's own checks quiet
        // until then.
        var timeout = TimeSpan.FromSeconds(Math.Clamp(builder.GatewayOptions().OpenMetadataTimeoutSeconds, 1, 300));
        builder.Services.AddHttpClient<IOpenMetadataServiceLookup, OpenMetadataServiceLookup>()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.TotalRequestTimeout.Timeout = timeout;
                resilience.AttemptTimeout.Timeout = timeout;
                // The standard handler insists the breaker samples at least two attempt timeouts.
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * timeout.Ticks));
            });
        // Transient like the typed client it holds, so handler rotation (DNS changes) reaches it.
        builder.Services.AddTransient<IRunConfigBuilder, RunConfigBuilder>();
        return builder;
    }
}
