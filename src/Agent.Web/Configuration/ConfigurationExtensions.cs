using Agent.Core.Argo;
using Agent.Core.Argo.Customization;
using Agent.Core.ControlPlane;
using Agent.Core.Ingestion;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Configuration;

public static class ConfigurationExtensions
{
    /// <summary>Reads the operators' environment variables, after appsettings.json, so they win.</summary>
    public static WebApplicationBuilder AddAgentConfiguration(this WebApplicationBuilder builder)
    {
        ((IConfigurationBuilder)builder.Configuration).Add(new EnvironmentVariablesSource());
        builder.Services.AddOptionsWithValidateOnStart<ControlPlaneOptions>().BindConfiguration(ControlPlaneOptions.SectionName);
        builder.Services.AddOptionsWithValidateOnStart<ArgoOptions>().BindConfiguration(ArgoOptions.SectionName);
        builder.Services.AddOptionsWithValidateOnStart<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName);
        builder.Services.AddOptionsWithValidateOnStart<ServerOptions>().BindConfiguration(ServerOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsRules>();
        builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsRules>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsRules>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, CustomizationRules>();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsRules>();
        return builder;
    }

    /// <summary>
    /// Checks every option before anything starts, so a bad value stops the process with one readable line rather
    /// than surfacing from whichever service happens to read it first, wrapped in hosting's stack trace.
    /// </summary>
    public static WebApplication ValidateConfiguration(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }
}
