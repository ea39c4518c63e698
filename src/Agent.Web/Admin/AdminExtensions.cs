namespace Agent.Web.Admin;

internal static class AdminExtensions
{
    /// <summary>The admin API's JSON, its key and the start-up line that says how it is protected.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        builder.Services.AddSingleton<AdminKey>();
        builder.Services.AddHostedService<AdminStartupCheck>();
        return builder;
    }
}
