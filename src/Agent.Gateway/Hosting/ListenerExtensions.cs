using System.Net;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

internal static class ListenerExtensions
{
    /// <summary>One Kestrel, three listeners from the validated <see cref="GatewayOptions"/>.</summary>
    public static WebApplicationBuilder AddGatewayListeners(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GatewayListeners>();
        builder.WebHost.ConfigureKestrel((_, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var listeners = kestrel.ApplicationServices.GetRequiredService<GatewayListeners>();
            kestrel.Listen(IPAddress.Parse(options.Host), options.Port, listen => listeners.Set(ListenerKind.Public, listen));
            kestrel.Listen(IPAddress.Parse(options.Host), options.MetricsPort, listen => listeners.Set(ListenerKind.Metrics, listen));
            kestrel.Listen(IPAddress.Parse(options.AdminHost), options.AdminPort, listen => listeners.Set(ListenerKind.Admin, listen));
        });
        return builder;
    }

    public static TBuilder RequireListener<TBuilder>(this TBuilder builder, ListenerKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequireListenerMetadata(kind));

    /// <summary>
    /// Answers 404 for an endpoint reached on a listener it does not belong to. Endpoints without
    /// <see cref="RequireListenerMetadata"/> (the Airflow routes, the agents' endpoint) are public only, so the metrics
    /// port serves its three paths and the admin port its API, nothing else.
    /// </summary>
    public static WebApplication UseListenerRestriction(this WebApplication app)
    {
        var listeners = app.Services.GetRequiredService<GatewayListeners>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint
                && !listeners.Accepts(context, endpoint.Metadata.GetMetadata<RequireListenerMetadata>()?.Kind ?? ListenerKind.Public))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }
}
