using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>
/// The shared pieces of OpenMetadata's WorkflowConfigBuilder (OM WorkflowConfigBuilder.java @30b1a60d,
/// buildDefaultSource / buildDefaultSink / buildDefaultWorkflowConfig). Fields the Java POJOs would leave null are left
/// out, as Jackson's NON_NULL inclusion on those generated classes does.
/// </summary>
internal static class WorkflowConfigParts
{
    public const string DefaultLoggerLevel = "INFO";

    /// <summary>
    /// buildDefaultSource: <c>type = service.serviceType.toLowerCase()</c>, <c>serviceName = pipeline.service.name</c>,
    /// <c>sourceConfig = pipeline.sourceConfig</c>. No <c>serviceConnection</c>: the ingestion fetches it at start-up
    /// with the bot token, so no data-source secret passes through the gateway's config.
    /// </summary>
    public static JsonObject Source(JsonElement pipeline, string type)
    {
        var service = PayloadJson.Child(pipeline, "service") ?? default;
        var source = new JsonObject
        {
            ["type"] = type,
            ["serviceName"] = PayloadJson.RequiredString(service, "name", "service.name"),
        };
        if (PayloadJson.Copy(PayloadJson.Child(pipeline, "sourceConfig")) is { } sourceConfig)
        {
            source["sourceConfig"] = sourceConfig;
        }

        return source;
    }

    /// <summary>buildDefaultSink: <c>{type: metadata-rest, config: {}}</c>.</summary>
    public static JsonObject Sink() => Step("metadata-rest");

    /// <summary>A processor, stage or sink: <c>{type, config}</c>, as <c>new Processor().withType(…).withConfig(new ComponentConfig())</c>.</summary>
    public static JsonObject Step(string type, JsonObject? config = null) =>
        new() { ["type"] = type, ["config"] = config ?? [] };

    /// <summary>
    /// buildDefaultWorkflowConfig: <c>loggerLevel</c> (INFO by default) and <c>openMetadataServerConfig</c> = the payload's
    /// <c>openMetadataServerConnection</c>; upstream throws when the connection or its securityConfig is missing.
    /// </summary>
    public static JsonObject WorkflowConfig(JsonElement pipeline)
    {
        var connection = PayloadJson.Child(pipeline, "openMetadataServerConnection")
            ?? throw new RunConfigException("the deploy payload has no openMetadataServerConnection (OpenMetadata sends the ingestion bot's connection with every deploy; without it the ingestion cannot reach OpenMetadata)");
        if (PayloadJson.Child(connection, "securityConfig") is null)
        {
            throw new RunConfigException("the deploy payload's openMetadataServerConnection has no securityConfig (the ingestion bot's token)");
        }

        return new JsonObject
        {
            ["loggerLevel"] = PayloadJson.String(pipeline, "loggerLevel") ?? DefaultLoggerLevel,
            ["openMetadataServerConfig"] = PayloadJson.Copy(connection),
        };
    }

    /// <summary>The fields buildOMWorkflowConfig and buildOMApplicationConfig both add after the type-specific part.</summary>
    public static void AddCommon(JsonObject config, JsonElement pipeline, string? ingestionRunnerName)
    {
        config["workflowConfig"] = WorkflowConfig(pipeline);
        config["ingestionPipelineFQN"] = PayloadJson.RequiredString(pipeline, "fullyQualifiedName", "fullyQualifiedName");
        // The IngestionPipeline POJO defaults enableStreamableLogs to false, so upstream always writes it.
        config["enableStreamableLogs"] = PayloadJson.Bool(pipeline, "enableStreamableLogs") ?? false;
        if (ingestionRunnerName is not null)
        {
            config["ingestionRunnerName"] = ingestionRunnerName;
        }
    }
}
