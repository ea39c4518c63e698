using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>
/// The per-type strategies of WorkflowConfigBuilder.buildOMWorkflowConfig (OM WorkflowConfigBuilder.java @30b1a60d and
/// config/types/*WorkflowConfig.java): each sets source, and processor / stage / bulkSink / sink as its type needs.
/// Any other type is refused as upstream's <c>IllegalArgumentException("Not implemented pipeline type: …")</c>.
/// </summary>
internal static class WorkflowSteps
{
    public static JsonObject Build(string pipelineType, JsonElement pipeline, string serviceSourceType) => pipelineType switch
    {
        // MetadataWorkflowConfig @7d26ecb7: source + sink.
        PipelineTypes.Metadata => Config(WorkflowConfigParts.Source(pipeline, serviceSourceType), sink: WorkflowConfigParts.Sink()),
        // UsageWorkflowConfig @2c51e4b4: "<type>-usage", query-parser, table-usage stage, metadata-usage bulk sink, no sink.
        PipelineTypes.Usage => Usage(pipeline, serviceSourceType),
        // LineageWorkflowConfig @22a4c384: "<type>-lineage" + sink.
        PipelineTypes.Lineage => Config(WorkflowConfigParts.Source(pipeline, $"{serviceSourceType}-lineage"), sink: WorkflowConfigParts.Sink()),
        // ProfilerWorkflowConfig @0c8355f1: orm-profiler (with the chosen metrics) + sink.
        PipelineTypes.Profiler => Config(WorkflowConfigParts.Source(pipeline, serviceSourceType), processor: Profiler(pipeline), sink: WorkflowConfigParts.Sink()),
        // AutoClassificationWorkflowConfig @1690d47c: tag-pii-processor + sink.
        PipelineTypes.AutoClassification => Config(WorkflowConfigParts.Source(pipeline, serviceSourceType),
            processor: WorkflowConfigParts.Step("tag-pii-processor"), sink: WorkflowConfigParts.Sink()),
        // TestSuiteWorkflowConfig @4d497f44: orm-test-runner + sink.
        PipelineTypes.TestSuite => Config(WorkflowConfigParts.Source(pipeline, serviceSourceType),
            processor: WorkflowConfigParts.Step("orm-test-runner"), sink: WorkflowConfigParts.Sink()),
        // DBTWorkflowConfig @a7d20534: source.type "dbt" + sink.
        PipelineTypes.Dbt => Config(WorkflowConfigParts.Source(pipeline, "dbt"), sink: WorkflowConfigParts.Sink()),
        _ => throw Unsupported(pipelineType),
    };

    public static bool IsSupported(string pipelineType) => pipelineType is PipelineTypes.Metadata or PipelineTypes.Usage
        or PipelineTypes.Lineage or PipelineTypes.Profiler or PipelineTypes.AutoClassification or PipelineTypes.TestSuite
        or PipelineTypes.Dbt or PipelineTypes.Application;

    public static RunConfigException Unsupported(string pipelineType) =>
        new($"Not implemented pipeline type: {pipelineType} (the gateway builds run configs as OpenMetadata's WorkflowConfigBuilder does: metadata, usage, lineage, profiler, autoClassification, TestSuite, dbt and application)");

    private static JsonObject Config(JsonObject source, JsonObject? processor = null, JsonObject? sink = null)
    {
        var config = new JsonObject { ["source"] = source };
        if (processor is not null)
        {
            config["processor"] = processor;
        }

        if (sink is not null)
        {
            config["sink"] = sink;
        }

        return config;
    }

    private static JsonObject Usage(JsonElement pipeline, string serviceSourceType)
    {
        var settings = PayloadJson.Child(PayloadJson.Child(pipeline, "sourceConfig") ?? default, "config") ?? default;
        // "Pick up the configured path or create a random one": /tmp/openmetadata/ + the first 6 characters of a UUID.
        var filename = PayloadJson.String(settings, "stageFileLocation") ?? "/tmp/openmetadata/" + Guid.NewGuid().ToString()[..6];
        var config = Config(WorkflowConfigParts.Source(pipeline, $"{serviceSourceType}-usage"), processor: WorkflowConfigParts.Step("query-parser"));
        config["stage"] = WorkflowConfigParts.Step("table-usage", new JsonObject { ["filename"] = filename });
        config["bulkSink"] = WorkflowConfigParts.Step("metadata-usage", new JsonObject { ["filename"] = filename });
        return config;
    }

    private static JsonObject Profiler(JsonElement pipeline)
    {
        var settings = PayloadJson.Child(PayloadJson.Child(pipeline, "sourceConfig") ?? default, "config") ?? default;
        var config = new JsonObject();
        if (PayloadJson.Child(settings, "metrics") is { ValueKind: JsonValueKind.Array } metrics && metrics.GetArrayLength() > 0)
        {
            config["profiler"] = new JsonObject { ["name"] = "ingestion-profiler", ["metrics"] = PayloadJson.Copy(metrics) };
        }

        return WorkflowConfigParts.Step("orm-profiler", config);
    }
}
