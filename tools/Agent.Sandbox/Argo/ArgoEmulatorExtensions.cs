namespace Agent.Sandbox.Argo;

internal static class ArgoEmulatorExtensions
{
    public static WebApplicationBuilder AddArgoEmulator(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapArgoEmulator(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
