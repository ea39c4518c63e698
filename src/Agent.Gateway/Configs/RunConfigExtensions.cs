namespace Agent.Gateway.Configs;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class RunConfigExtensions
{
    public static WebApplicationBuilder AddRunConfigs(this WebApplicationBuilder builder) => builder;
}
