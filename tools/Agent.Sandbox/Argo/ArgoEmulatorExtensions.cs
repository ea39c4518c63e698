using Agent.Sandbox.Argo.Api;
using Agent.Sandbox.Argo.Control;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Faults;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.State;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo;

internal static class ArgoEmulatorExtensions
{
    public static WebApplicationBuilder AddArgoEmulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ArgoEmulatorOptions>().BindConfiguration(ArgoEmulatorOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ArgoEmulatorOptions>, ArgoEmulatorOptionsValidator>();
        builder.Services.AddSingleton<ArgoStore>();
        builder.Services.AddSingleton<WorkflowController>();
        builder.Services.AddSingleton<ArgoRequestStats>();
        builder.Services.AddSingleton<ArgoEmulator>();
        builder.Services.AddArgoFaults();
        return builder;
    }

    public static IEndpointRouteBuilder MapArgoEmulator(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.AddEndpointFilter<ArgoApiFilter>();
        WorkflowEndpoints.Map(api);
        CronWorkflowEndpoints.Map(api);
        WatchEndpoint.Map(api);
        LogsEndpoint.Map(api);
        InfoEndpoints.Map(api);
        // Argo has ~70 operations; the ones not emulated say so instead of answering a bare 404.
        api.MapFallback("{**path}", (HttpRequest request) => new ArgoErrorResult(
            new ArgoApiException(GrpcCode.Unimplemented, $"not implemented by the sandbox: {request.Method} {request.Path}"), stream: false));

        var control = endpoints.MapGroup("/sandbox/argo");
        control.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ArgoApiException exception)
            {
                return new ArgoErrorResult(exception, stream: false);
            }
        });
        SandboxControlEndpoints.Map(control);
        ArgoFaultsExtensions.MapArgoFaults(api, control);
        return endpoints;
    }
}
