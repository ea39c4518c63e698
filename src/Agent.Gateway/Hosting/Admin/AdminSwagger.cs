using Microsoft.OpenApi;

namespace Agent.Gateway.Hosting.Admin;

internal static class AdminSwagger
{
    private const string SecurityScheme = "AdminKey";
    private const string SwaggerPath = "/swagger";

    /// <summary>The admin API's Swagger document: only the endpoints of the admin listener, with their bearer key.</summary>
    public static WebApplicationBuilder AddAdminSwagger(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "Hybrid Ingestion Gateway admin API", Version = "v1" });
            options.DocInclusionPredicate((_, description) =>
                description.ActionDescriptor.EndpointMetadata.OfType<RequireListenerMetadata>().Any(m => m.Kind == ListenerKind.Admin));
            options.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The admin API key (GATEWAY_ADMIN_API_KEY or GATEWAY_ADMIN_API_KEY_FILE)",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
        });
        return builder;
    }

    /// <summary>Swagger UI at <c>/swagger</c>, on the admin listener only and under the admin key, as the routes it maps.</summary>
    public static WebApplication UseAdminSwagger(this WebApplication app)
    {
        var listeners = app.Services.GetRequiredService<GatewayListeners>();
        var authorization = app.Services.GetRequiredService<AdminAuthorization>();
        app.UseWhen(context => listeners.Accepts(context, ListenerKind.Admin) && context.Request.Path.StartsWithSegments(SwaggerPath), swagger =>
        {
            swagger.Use(async (context, next) =>
            {
                if (authorization.Refusal(context) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }

                await next(context);
            });
            swagger.UseSwagger();
            swagger.UseSwaggerUI();
        });
        return app;
    }
}
