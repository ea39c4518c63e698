using Agent.Sandbox.Kubernetes.Api;
using Agent.Sandbox.Kubernetes.Control;
using Agent.Sandbox.Kubernetes.Controllers;
using Agent.Sandbox.Kubernetes.Faults;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes;

internal static class KubernetesEmulatorExtensions
{
    public static WebApplicationBuilder AddKubernetesEmulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<KubernetesEmulatorOptions>()
            .BindConfiguration(KubernetesEmulatorOptions.SectionName)
            .ValidateDataAnnotations();
        builder.Services.AddSingleton<KubeStore>();
        builder.Services.AddSingleton<Scheduler>();
        builder.Services.AddSingleton<Kubelet>();
        builder.Services.AddSingleton<GarbageCollector>();
        builder.Services.AddSingleton<JobController>();
        builder.Services.AddSingleton<JobAdmission>();
        builder.Services.AddSingleton<CronJobController>();
        builder.Services.AddSingleton<KubernetesEmulator>();
        builder.Services.AddSingleton<KubeApiFilter>();
        builder.Services.AddKubernetesFaults();
        return builder;
    }

    public static IEndpointRouteBuilder MapKubernetesEmulator(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("").WithTags("Kubernetes API");
        api.AddEndpointFilter<KubeApiFilter>();
        ResourceEndpoints.Map(api);
        PodLogEndpoint.Map(api);
        DiscoveryEndpoints.Map(api);

        var control = endpoints.MapGroup("/sandbox/kubernetes").WithTags("Sandbox Kubernetes control");
        control.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (KubeApiException error)
            {
                return KubeJsonResult.From(error);
            }
        });
        KubernetesControlEndpoints.Map(control);
        KubernetesFaultsExtensions.MapKubernetesFaults(api, control);
        return endpoints;
    }
}
