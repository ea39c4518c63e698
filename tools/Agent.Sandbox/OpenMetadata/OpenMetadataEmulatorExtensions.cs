namespace Agent.Sandbox.OpenMetadata;

/// <summary>Adds the OpenMetadata REST emulator (the service lookup the gateway makes) to the sandbox.</summary>
internal static class OpenMetadataEmulatorExtensions
{
    public static WebApplicationBuilder AddOpenMetadataEmulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<OpenMetadataEmulatorOptions>()
            .BindConfiguration(OpenMetadataEmulatorOptions.SectionName)
            .ValidateDataAnnotations();
        builder.Services.AddSingleton<ServiceCatalog>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(OpenMetadataJsonContext.Default));
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenMetadataEmulator(this IEndpointRouteBuilder endpoints)
    {
        OpenMetadataEndpoints.Map(endpoints);
        OpenMetadataControlEndpoints.Map(endpoints);
        return endpoints;
    }
}
