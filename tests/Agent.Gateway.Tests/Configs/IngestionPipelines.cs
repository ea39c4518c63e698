using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Gateway.Tests.Configs;

/// <summary>
/// Deploy payloads as AirflowRESTClient posts them: an IngestionPipeline (entity/services/ingestionPipelines/
/// ingestionPipeline.json) with the bot's <c>openMetadataServerConnection</c> (OpenMetadataConnectionBuilder).
/// </summary>
internal static class IngestionPipelines
{
    public const string BotToken = "bot.jwt.token";

    public static JsonObject Connection(string hostPort = "http://om:8585/api", string token = BotToken) => new()
    {
        ["hostPort"] = hostPort,
        ["authProvider"] = "openmetadata",
        ["securityConfig"] = new JsonObject { ["jwtToken"] = token },
        ["verifySSL"] = "no-ssl",
        ["secretsManagerProvider"] = "db",
    };

    public static JsonObject Pipeline(string pipelineType, JsonObject? sourceConfig = null, string serviceType = "databaseService",
        string serviceName = "mysql_prod", JsonObject? connection = null) => new()
    {
        ["id"] = "1b8f0c7e-0000-4000-8000-000000000001",
        ["name"] = $"{serviceName}_{pipelineType}_Ab12Cd",
        ["fullyQualifiedName"] = $"{serviceName}.{serviceName}_{pipelineType}_Ab12Cd",
        ["pipelineType"] = pipelineType,
        ["sourceConfig"] = sourceConfig ?? new JsonObject { ["config"] = new JsonObject { ["type"] = "DatabaseMetadata" } },
        ["airflowConfig"] = new JsonObject
        {
            ["scheduleInterval"] = "0 * * * *",
            ["pipelineTimezone"] = "Europe/Paris",
            ["retries"] = 2,
            ["retryDelay"] = 300,
            ["pausePipeline"] = false,
        },
        ["service"] = new JsonObject
        {
            ["id"] = "1b8f0c7e-0000-4000-8000-000000000002",
            ["type"] = serviceType,
            ["name"] = serviceName,
            ["fullyQualifiedName"] = serviceName,
        },
        ["loggerLevel"] = "DEBUG",
        ["enabled"] = true,
        ["deployed"] = false,
        ["enableStreamableLogs"] = false,
        ["openMetadataServerConnection"] = connection ?? Connection(),
    };

    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
