using Agent.Web.Hosting;

namespace Agent.Web.Admin;

public static class AdminExtensions
{
    /// <summary>The admin API's JSON and its Swagger document.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options => options.SwaggerDoc("v1", new() { Title = "Hybrid Ingestion Agent admin API", Version = "v1" }));
        return builder;
    }

    /// <summary>Swagger UI at <c>/swagger</c>, served on the admin listener only.</summary>
    public static WebApplication UseAdminSwagger(this WebApplication app)
    {
        var ports = app.Services.GetRequiredService<ListenerPorts>();
        app.UseWhen(context => ports.Accepts(context, ListenerKind.Admin), admin =>
        {
            admin.UseSwagger();
            admin.UseSwaggerUI();
        });
        return app;
    }
}
