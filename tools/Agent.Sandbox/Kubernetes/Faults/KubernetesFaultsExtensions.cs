using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>The registration hook of fault injection: one call in <c>AddKubernetesEmulator</c>, one in <c>MapKubernetesEmulator</c>.</summary>
internal static class KubernetesFaultsExtensions
{
    public static IServiceCollection AddKubernetesFaults(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<KubernetesFaultOptions>().BindConfiguration(KubernetesFaultOptions.SectionName);
        services.AddSingleton<IValidateOptions<KubernetesFaultOptions>, KubernetesFaultOptionsValidator>();
        services.AddSingleton<KubernetesFaults>();
        services.AddSingleton<KubernetesFaultFilter>();
        return services;
    }

    /// <summary>Adds the fault filter to the API group (after the API filter, so it sits inside it) and the control routes.</summary>
    public static void MapKubernetesFaults(RouteGroupBuilder api, RouteGroupBuilder control)
    {
        api.AddEndpointFilter<KubernetesFaultFilter>();
        KubernetesFaultControlEndpoints.Map(control);
    }
}
