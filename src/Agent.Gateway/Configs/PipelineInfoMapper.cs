using System.Text.Json;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Configs;

/// <summary>
/// MINIMAL STAND-IN (Airflow slice, so its branch builds): the Configs slice owns the real mapper; drop this file for
/// theirs. The protocol's pipeline object from an IngestionPipeline (name, type, schedule from airflowConfig).
/// </summary>
internal static class PipelineInfoMapper
{
    public static PipelineInfo From(JsonElement ingestionPipeline)
    {
        var airflow = ingestionPipeline.TryGetProperty("airflowConfig", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        return new PipelineInfo(
            Text(ingestionPipeline, "fullyQualifiedName") ?? Text(ingestionPipeline, "name") ?? string.Empty,
            Text(ingestionPipeline, "name") ?? string.Empty,
            Text(ingestionPipeline, "pipelineType") ?? string.Empty,
            !ingestionPipeline.TryGetProperty("enabled", out var enabled) || enabled.ValueKind != JsonValueKind.False,
            Text(airflow, "scheduleInterval"),
            Text(airflow, "pipelineTimezone"),
            Number(airflow, "retries"),
            Number(airflow, "retryDelay"),
            Text(ingestionPipeline, "loggerLevel"));
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Number(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : null;
}
