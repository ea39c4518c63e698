namespace Agent.Gateway.Configs;

/// <summary>
/// The REST collection of each service EntityReference <c>type</c>. The managed-APIs plugin resolves the same types to
/// service classes (OM workflows/ingestion/common.py @01450e13, build_source); the collection names are those of the
/// service resources (e.g. DatabaseServiceResource COLLECTION_PATH <c>v1/services/databaseServices/</c>).
/// </summary>
internal static class ServiceCollections
{
    /// <summary>A test suite's pipeline references the test suite, not a service: no lookup (build_source's testSuite branch).</summary>
    public const string TestSuiteType = "testSuite";

    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["databaseService"] = "databaseServices",
        ["dashboardService"] = "dashboardServices",
        ["messagingService"] = "messagingServices",
        ["pipelineService"] = "pipelineServices",
        ["mlmodelService"] = "mlmodelServices",
        ["metadataService"] = "metadataServices",
        ["storageService"] = "storageServices",
        ["searchService"] = "searchServices",
        ["apiService"] = "apiServices",
        ["driveService"] = "driveServices",
    };

    public static string For(string serviceReferenceType) =>
        ByType.TryGetValue(serviceReferenceType, out var collection)
            ? collection
            : throw new RunConfigException($"service type \"{serviceReferenceType}\" is not one the gateway can look up (expected one of {string.Join(", ", ByType.Keys)} or {TestSuiteType})");
}
