using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>The registration hook of fault injection: one call in <c>AddArgoEmulator</c>, one in <c>MapArgoEmulator</c>.</summary>
internal static class ArgoFaultsExtensions
{
    public static IServiceCollection AddArgoFaults(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ArgoFaultOptions>().BindConfiguration(ArgoFaultOptions.SectionName);
        services.AddSingleton<IValidateOptions<ArgoFaultOptions>, ArgoFaultOptionsValidator>();
        services.AddSingleton<ArgoFaults>();
        services.AddSingleton<ArgoRequestRecorder>();
        return services;
    }

    /// <summary>Adds the fault filter to the Argo API group (after the API filter, so it sits inside it) and the control routes.</summary>
    public static void MapArgoFaults(RouteGroupBuilder api, RouteGroupBuilder control)
    {
        api.AddEndpointFilter<ArgoFaultFilter>();
        FaultControlEndpoints.Map(control);
    }
}
