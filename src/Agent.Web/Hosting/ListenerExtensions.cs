using System.Net;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

internal static class ListenerExtensions
{
    /// <summary>One Kestrel, two listeners from validated options (<see cref="ServerOptions"/>): infra (metrics, probes) and admin.</summary>
    public static WebApplicationBuilder AddListeners(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ServerOptions>().BindConfiguration(ServerOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsRules>();
        builder.Services.AddSingleton<ListenerPorts>();
        builder.WebHost.ConfigureKestrel((_, kestrel) =>
        {
            var server = kestrel.ApplicationServices.GetRequiredService<IOptions<ServerOptions>>().Value;
            var ports = kestrel.ApplicationServices.GetRequiredService<ListenerPorts>();
            kestrel.Listen(IPAddress.Parse(server.InfraHost), server.MetricsPort, listen => ports.Infra = listen);
            kestrel.Listen(IPAddress.Parse(server.EffectiveAdminHost), server.AdminPort, listen => ports.Admin = listen);
        });
        return builder;
    }

    public static TBuilder RequireListener<TBuilder>(this TBuilder builder, ListenerKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequireListenerMetadata(kind));

    /// <summary>Answers 404 for an endpoint reached on the wrong listener, so the infra port exposes nothing else.</summary>
    public static WebApplication UseListenerRestriction(this WebApplication app)
    {
        var ports = app.Services.GetRequiredService<ListenerPorts>();
        app.Use((context, next) =>
        {
            var required = context.GetEndpoint()?.Metadata.GetMetadata<RequireListenerMetadata>();
            if (required is not null && !ports.Accepts(context, required.Kind))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }
}
