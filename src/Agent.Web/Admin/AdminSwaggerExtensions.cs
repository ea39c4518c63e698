using Agent.Web.Hosting;
using Microsoft.OpenApi;

namespace Agent.Web.Admin;

internal static class AdminSwaggerExtensions
{
    private const string SecurityScheme = "AdminKey";
    private const string SwaggerPath = "/swagger";

    /// <summary>The admin API's Swagger document, with its bearer key and the XML docs of the endpoints.</summary>
    public static WebApplicationBuilder AddAdminSwagger(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "Hybrid Ingestion Agent admin API", Version = "v1" });
            options.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The admin API key (ADMIN_API_KEY or ADMIN_API_KEY_FILE)",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
            var xml = Path.Combine(AppContext.BaseDirectory, "Agent.Web.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return builder;
    }

    /// <summary>
    /// Swagger UI at <c>/swagger</c>, served on the admin listener only and under the admin key: the document maps
    /// every admin route, so it is no more public than the routes themselves.
    /// </summary>
    public static WebApplication UseAdminSwagger(this WebApplication app)
    {
        var ports = app.Services.GetRequiredService<ListenerPorts>();
        var key = app.Services.GetRequiredService<AdminKey>();
        app.UseWhen(context => ports.Accepts(context, ListenerKind.Admin), admin =>
        {
            admin.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerPath), swagger => swagger.Use(async (context, next) =>
            {
                if (AdminCredentials.Refusal(key, context) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }

                await next(context);
            }));
            admin.UseSwagger();
            admin.UseSwaggerUI();
        });
        return app;
    }
}
