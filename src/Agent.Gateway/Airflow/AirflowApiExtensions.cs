namespace Agent.Gateway.Airflow;

/// <summary>Skeleton: the slice that owns this folder replaces it.</summary>
internal static class AirflowApiExtensions
{
    public static WebApplicationBuilder AddAirflowApi(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAirflowApi(this WebApplication app) => app;
}
