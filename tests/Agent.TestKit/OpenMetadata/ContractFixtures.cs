using System.Text.Json.Nodes;

namespace Agent.TestKit.OpenMetadata;

/// <summary>
/// The request bodies OpenMetadata 1.13.3 sends, written from its JSON schemas (ingestionPipeline.json,
/// automations/workflow.json, applications/app.json) as <c>JsonUtils.pojoToJson</c> renders them.
/// </summary>
internal static class ContractFixtures
{
    public const string MetadataPipeline = "ingestion-pipeline-metadata.json";
    public const string ApplicationPipeline = "ingestion-pipeline-application.json";
    public const string TestConnectionWorkflow = "workflow-test-connection.json";
    public const string App = "app-data-insights.json";

    /// <summary>The bot JWT every fixture carries: it must never show in a log line or an answer.</summary>
    public const string BotToken = "eyJraWQiOiJDT05UUkFDVC1CT1QtVE9LRU4ifQ.contract-bot-token.signature";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenMetadata", "Fixtures", name));

    /// <summary>A fixture with some fields changed, e.g. another name or service.</summary>
    public static string With(string name, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Read(name))!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
