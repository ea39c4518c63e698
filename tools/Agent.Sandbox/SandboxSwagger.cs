namespace Agent.Sandbox;

/// <summary>
/// Swagger UI at <c>/swagger</c> listing the sandbox's own REST API (everything under <c>/sandbox</c>). The Argo Server
/// routes under <c>/api/v1</c> are left out: they follow Argo's swagger, which the agent's client is generated from.
/// </summary>
internal static class SandboxSwagger
{
    public const string DocumentName = "v1";
    private const string SandboxPrefix = "sandbox/";

    public static WebApplicationBuilder AddSandboxSwagger(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new() { Title = "Agent sandbox REST API", Version = DocumentName });
            options.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith(SandboxPrefix, StringComparison.Ordinal) == true);
            var xml = Path.Combine(AppContext.BaseDirectory, "Agent.Sandbox.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return builder;
    }

    public static WebApplication UseSandboxSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI();
        return app;
    }
}
