using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.OpenMetadata;

/// <summary>
/// The slice of OpenMetadata's REST API the gateway calls, under the path base <c>/openmetadata</c> so an ingestion's
/// <c>hostPort</c> is <c>http://127.0.0.1:&lt;port&gt;/openmetadata/api</c>. Strict as the server: entity reads need the
/// bot's Bearer token, answer OpenMetadata's error JSON, and 404 unknown collections and services.
/// </summary>
internal static class OpenMetadataEndpoints
{
    public const string PathBase = "/openmetadata";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup($"{PathBase}/api/v1").ExcludeFromDescription();
        api.MapGet("/services/{collection}/name/{fqn}", GetService);
        // JwtFilter.EXCLUDED_ENDPOINTS lists "v1/system/version": the real server answers it without a token.
        api.MapGet("/system/version", (IOptions<OpenMetadataEmulatorOptions> options) =>
            TypedResults.Json(new JsonObject { ["version"] = options.Value.Version, ["revision"] = "sandbox", ["timestamp"] = 0 }));
        // Jersey's own 404 for a path no resource serves, as OpenMetadata's generic exception mapper writes it.
        api.MapFallback(() => Error(StatusCodes.Status404NotFound, "HTTP 404 Not Found"));
    }

    public static IResult GetService(string collection, string fqn, HttpRequest request, ServiceCatalog catalog, IOptions<OpenMetadataEmulatorOptions> options)
    {
        var answer = Answer(collection, fqn, request, catalog, options.Value);
        catalog.Record(new ServiceLookupRecord(collection, fqn, (answer as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK));
        return answer;
    }

    private static IResult Answer(string collection, string fqn, HttpRequest request, ServiceCatalog catalog, OpenMetadataEmulatorOptions options)
    {
        if (BearerAuth.Check(request, options.BotToken) is { } refused)
        {
            return Error(StatusCodes.Status401Unauthorized, refused);
        }

        if (ServiceCollectionNames.EntityType(collection) is not { } entityType)
        {
            return Error(StatusCodes.Status404NotFound, "HTTP 404 Not Found");
        }

        // CatalogExceptionMessage.entityNotFound (OM @049f17d2): "%s instance for %s not found".
        return catalog.Find(collection, fqn) is { } service
            ? TypedResults.Json(ServiceJson(service))
            : Error(StatusCodes.Status404NotFound, $"{entityType} instance for {fqn} not found");
    }

    private static JsonObject ServiceJson(ServiceEntity service)
    {
        var json = new JsonObject
        {
            ["id"] = service.Id.ToString(),
            ["name"] = service.Name,
            ["fullyQualifiedName"] = service.Name,
            ["serviceType"] = service.ServiceType,
            ["version"] = 0.1,
            ["deleted"] = false,
            ["href"] = $"http://localhost{PathBase}/api/v1/services/{service.Collection}/{service.Id}",
        };
        if (service.IngestionRunner is { } runner)
        {
            json["ingestionRunner"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "ingestionRunner", ["name"] = runner, ["fullyQualifiedName"] = runner };
        }

        json["connection"] = new JsonObject { ["config"] = new JsonObject { ["type"] = service.ServiceType } };
        return json;
    }

    public static IResult Error(int status, string message) =>
        TypedResults.Json(new OpenMetadataError(status, message), OpenMetadataJsonContext.Default.OpenMetadataError, statusCode: status);
}
