using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Api;
using Agent.Sandbox.ControlPlane.Sessions;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane;

internal static class ControlPlaneExtensions
{
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ControlPlaneOptions>(builder.Configuration.GetSection(ControlPlaneOptions.SectionName));
        builder.Services.AddSingleton<ControlPlaneStats>();
        builder.Services.AddSingleton<AgentDirectory>();
        builder.Services.AddSingleton<SeqLedgers>();
        builder.Services.AddSingleton(services =>
            new FrameRecorder(services.GetRequiredService<IOptions<ControlPlaneOptions>>().Value.RecordedFramesPerAgent));
        builder.Services.AddSingleton<StatusStore>();
        builder.Services.AddSingleton<ProtocolIncidents>();
        builder.Services.AddSingleton<RequestBook>();
        builder.Services.AddSingleton<RunReconciler>();
        builder.Services.AddSingleton<ReliableIntake>();
        builder.Services.AddSingleton<MisbehaviourSwitches>();
        builder.Services.AddSingleton<SessionAdmission>();
        builder.Services.AddSingleton<SessionLifecycle>();
        builder.Services.AddSingleton<SessionServices>();
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
