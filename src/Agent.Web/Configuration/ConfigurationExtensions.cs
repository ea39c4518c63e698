using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Link;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Agent.Web.Configuration;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// Reads the operators' environment variables, after appsettings.json, so they win, and binds the options of
    /// Agent.Core. The host's own features bind theirs (<see cref="Hosting.ListenerExtensions.AddListeners"/>,
    /// <see cref="Logging.LoggingExtensions.AddAgentLogging"/>).
    /// </summary>
    public static WebApplicationBuilder AddAgentConfiguration(this WebApplicationBuilder builder)
    {
        ((IConfigurationBuilder)builder.Configuration).Add(new EnvironmentVariablesSource());
        builder.Services.AddOptionsWithValidateOnStart<ControlPlaneOptions>().BindConfiguration(ControlPlaneOptions.SectionName);
        builder.Services.AddOptionsWithValidateOnStart<ArgoOptions>().BindConfiguration(ArgoOptions.SectionName).PostConfigure(ArgoEndpoint.Complete);
        builder.Services.AddOptionsWithValidateOnStart<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsRules>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsRules>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, CustomizationRules>();
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
