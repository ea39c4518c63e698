using System.Text.Json;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Configs;

/// <summary>
/// The protocol's pipeline object from an IngestionPipeline. Scheduling comes from <c>airflowConfig</c>, as the
/// managed-APIs plugin builds its DAG from it (OM workflows/ingestion/common.py @01450e13, build_dag_configs):
/// a paused pipeline (<c>pausePipeline</c>) is deployed disabled, a null <c>scheduleInterval</c> is on demand.
/// </summary>
internal static class PipelineInfoMapper
{
    public static PipelineInfo From(JsonElement ingestionPipeline)
    {
        if (ingestionPipeline.ValueKind != JsonValueKind.Object)
        {
            throw new RunConfigException("the deploy payload is not an IngestionPipeline object");
        }

        var airflow = PayloadJson.Child(ingestionPipeline, "airflowConfig") ?? default;
        var paused = PayloadJson.Bool(airflow, "pausePipeline") ?? false;
        return new PipelineInfo(
            FullyQualifiedName: PayloadJson.RequiredString(ingestionPipeline, "fullyQualifiedName", "fullyQualifiedName"),
            Name: PayloadJson.RequiredString(ingestionPipeline, "name", "name"),
            PipelineType: PayloadJson.RequiredString(ingestionPipeline, "pipelineType", "pipelineType"),
            Enabled: (PayloadJson.Bool(ingestionPipeline, "enabled") ?? true) && !paused,
            Schedule: PayloadJson.String(airflow, "scheduleInterval"),
            Timezone: PayloadJson.String(airflow, "pipelineTimezone"),
            Retries: PayloadJson.Int(airflow, "retries"),
            RetryDelaySeconds: PayloadJson.Int(airflow, "retryDelay"),
            LoggerLevel: PayloadJson.String(ingestionPipeline, "loggerLevel"));
    }
}
