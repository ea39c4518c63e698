using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Source-generated JSON for the sandbox REST API, with the web defaults (camelCase) the protocol uses too.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendRequestBody))]
[JsonSerializable(typeof(PipelineRunBody))]
[JsonSerializable(typeof(PipelineDeployBody))]
[JsonSerializable(typeof(PipelineToggleBody))]
[JsonSerializable(typeof(SandboxInstance))]
[JsonSerializable(typeof(PipelineFqnBody))]
[JsonSerializable(typeof(PipelineLogsBody))]
[JsonSerializable(typeof(ServiceStatusBody))]
[JsonSerializable(typeof(RequestAnswer))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(CloseBody))]
[JsonSerializable(typeof(ToggleBody))]
[JsonSerializable(typeof(GarbageBody))]
[JsonSerializable(typeof(RefuseBody))]
[JsonSerializable(typeof(ControlAnswer))]
[JsonSerializable(typeof(IReadOnlyList<AgentSnapshot>))]
[JsonSerializable(typeof(AgentSnapshot))]
[JsonSerializable(typeof(RequestSnapshot))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedStatus>))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedError>))]
[JsonSerializable(typeof(IReadOnlyList<ProtocolViolation>))]
[JsonSerializable(typeof(IReadOnlyList<RecordedFrame>))]
[JsonSerializable(typeof(ControlPlaneStatsSnapshot))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
