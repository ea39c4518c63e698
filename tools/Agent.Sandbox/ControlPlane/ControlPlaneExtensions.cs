using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Api;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

internal static class ControlPlaneExtensions
{
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ControlPlaneOptions>(builder.Configuration.GetSection(ControlPlaneOptions.SectionName));
        builder.Services.AddSingleton<ControlPlaneServer>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SandboxJsonContext.Default));
        return builder;
    }

    public static IEndpointRouteBuilder MapControlPlane(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProtocolVersion.ConnectPath, ConnectEndpoint.HandleAsync);
        endpoints.MapSandboxApi();
        return endpoints;
    }
}
