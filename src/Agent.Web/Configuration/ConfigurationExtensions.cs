using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Kubernetes;
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
    /// <see cref="Logging.LoggingExtensions.AddAgentLogging"/>). Only the chosen executor's options are validated
    /// (<see cref="ExecutorSelection"/>): with <c>simpleK8s</c> no Argo variable is required, as the chart renders none.
    /// </summary>
    public static WebApplicationBuilder AddAgentConfiguration(this WebApplicationBuilder builder)
    {
        ((IConfigurationBuilder)builder.Configuration).Add(new EnvironmentVariablesSource());
        var executor = ExecutorSelection.Read(builder.Configuration);
        builder.Services.AddOptionsWithValidateOnStart<ControlPlaneOptions>().BindConfiguration(ControlPlaneOptions.SectionName);

        // Bound either way: the run registry reads the recovery window from it (AddAgentCore).
        var argo = builder.Services.AddOptions<ArgoOptions>().BindConfiguration(ArgoOptions.SectionName).PostConfigure(ArgoEndpoint.Complete);
        if (executor == ExecutorKind.Argo)
        {
            argo.ValidateOnStart();
            builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsValidator>();
            builder.Services.AddSingleton<IValidateOptions<ArgoOptions>, ArgoOptionsRules>();
        }
        else
        {
            // The executor registers the rules of its options with itself (AddAgentCore); they run at start from here.
            builder.Services.AddOptionsWithValidateOnStart<KubernetesOptions>().BindConfiguration(KubernetesOptions.SectionName);
        }

        builder.Services.AddOptionsWithValidateOnStart<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>>(new IngestionOptionsRules(argo: executor == ExecutorKind.Argo));
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
