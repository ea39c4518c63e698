namespace Agent.Gateway.Store;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class StoreExtensions
{
    public static WebApplicationBuilder AddGatewayStore(this WebApplicationBuilder builder) => builder;
}
