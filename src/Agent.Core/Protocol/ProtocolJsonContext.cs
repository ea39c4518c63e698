using System.Text.Json;
using System.Text.Json.Serialization;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Protocol;

/// <summary>
/// Source-generated serialization for every protocol message. Nullable annotations and required
/// constructor parameters are enforced so a payload with a missing or null field fails to decode with
/// the field's path, instead of reaching a handler half-filled.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(HelloPayload))]
[JsonSerializable(typeof(WelcomePayload))]
[JsonSerializable(typeof(AckPayload))]
[JsonSerializable(typeof(HeartbeatPayload))]
[JsonSerializable(typeof(ErrorPayload))]
[JsonSerializable(typeof(ResultPayload))]
[JsonSerializable(typeof(RunStatusPayload))]
[JsonSerializable(typeof(PipelineRunRequest))]
[JsonSerializable(typeof(PipelineDeployRequest))]
[JsonSerializable(typeof(ApplicationRunRequest))]
[JsonSerializable(typeof(AutomationRunRequest))]
[JsonSerializable(typeof(PipelineFqnRequest))]
[JsonSerializable(typeof(PipelineKillRunRequest))]
[JsonSerializable(typeof(PipelineToggleRequest))]
[JsonSerializable(typeof(PipelineLogsRequest))]
[JsonSerializable(typeof(RunsReconcileRequest))]
[JsonSerializable(typeof(RunStartedData))]
[JsonSerializable(typeof(ServiceStatusData))]
[JsonSerializable(typeof(PipelineStatusesData))]
[JsonSerializable(typeof(RunsReconcileData))]
[JsonSerializable(typeof(StoppedRunsData))]
[JsonSerializable(typeof(KilledRunsData))]
[JsonSerializable(typeof(PipelineDeployedData))]
[JsonSerializable(typeof(PipelineToggledData))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
