namespace Agent.Sandbox.OpenMetadata;

/// <summary>
/// The service collections OpenMetadata serves under <c>/v1/services/</c> and the entity type each holds, which its
/// not-found message names (Entity.DATABASE_SERVICE = "databaseService", …).
/// </summary>
internal static class ServiceCollectionNames
{
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["databaseServices"] = "databaseService",
        ["dashboardServices"] = "dashboardService",
        ["messagingServices"] = "messagingService",
        ["pipelineServices"] = "pipelineService",
        ["mlmodelServices"] = "mlmodelService",
        ["metadataServices"] = "metadataService",
        ["storageServices"] = "storageService",
        ["searchServices"] = "searchService",
        ["apiServices"] = "apiService",
        ["driveServices"] = "driveService",
    };

    public static IEnumerable<string> All => EntityTypes.Keys;

    public static string? EntityType(string collection) => EntityTypes.GetValueOrDefault(collection);
}
