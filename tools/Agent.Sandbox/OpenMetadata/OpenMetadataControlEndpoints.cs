using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.OpenMetadata;

/// <summary>
/// Sandbox-only routes under <c>/sandbox/openmetadata</c>: register a service the emulator then serves, list the
/// services, and read the lookups it answered. No auth.
/// </summary>
internal static class OpenMetadataControlEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/sandbox/openmetadata").WithTags("Sandbox OpenMetadata");
        control.MapPost("/services", Register)
            .WithSummary("Register (or replace) a service: {collection, name, serviceType, ingestionRunner?}");
        control.MapGet("/services", (ServiceCatalog catalog) => TypedResults.Ok(catalog.Services)).WithSummary("Every service the emulator serves");
        control.MapGet("/lookups", (ServiceCatalog catalog) => TypedResults.Ok(catalog.Lookups)).WithSummary("Every service read answered, with its status");
    }

    public static Results<Ok<ServiceEntity>, JsonHttpResult<OpenMetadataError>> Register(RegisterServiceBody body, ServiceCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(body.Collection) || ServiceCollectionNames.EntityType(body.Collection) is null)
        {
            return Invalid($"collection must be one of {string.Join(", ", ServiceCollectionNames.All)}");
        }

        if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrWhiteSpace(body.ServiceType))
        {
            return Invalid("name and serviceType are required");
        }

        return TypedResults.Ok(catalog.Register(body.Collection, body.Name, body.ServiceType, body.IngestionRunner));
    }

    private static JsonHttpResult<OpenMetadataError> Invalid(string message) =>
        TypedResults.Json(new OpenMetadataError(StatusCodes.Status400BadRequest, message), OpenMetadataJsonContext.Default.OpenMetadataError,
            statusCode: StatusCodes.Status400BadRequest);
}
