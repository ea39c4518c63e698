using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Builds request payloads from the small bodies of the convenience routes (and for tests, in process).</summary>
internal static class RequestPayloads
{
    public const string DefaultPipelineType = "metadata";

    /// <summary>A minimal metadata workflow config; the connection password is a secret reference, as on the real link.</summary>
    public const string DefaultConfig = """
        source:
          type: mysql
          serviceName: sandbox_mysql
          serviceConnection:
            config:
              type: Mysql
              username: sandbox
              authType:
                password: secret:sandbox-mysql-password
              hostPort: mysql:3306
          sourceConfig:
            config:
              type: DatabaseMetadata
        sink:
          type: metadata-rest
          config: {}
        workflowConfig:
          openMetadataServerConfig:
            hostPort: http://openmetadata:8585/api
            authProvider: openmetadata
        """;

    public static JsonElement PipelineRun(
        string fullyQualifiedName, string? name = null, string? pipelineType = null, JsonElement? config = null, string? runId = null) =>
        JsonSerializer.SerializeToElement(
            new PipelineRunRequest(Pipeline(fullyQualifiedName, name, pipelineType, schedule: null, timezone: null), ConfigOrDefault(config), runId),
            ProtocolJsonContext.Default.PipelineRunRequest);

    public static JsonElement PipelineDeploy(
        string fullyQualifiedName, string? schedule, string? timezone = null, string? name = null, string? pipelineType = null, JsonElement? config = null) =>
        JsonSerializer.SerializeToElement(
            new PipelineDeployRequest(Pipeline(fullyQualifiedName, name, pipelineType, schedule, timezone), ConfigOrDefault(config)),
            ProtocolJsonContext.Default.PipelineDeployRequest);

    public static JsonElement PipelineToggle(string pipelineFqn, bool enabled) =>
        JsonSerializer.SerializeToElement(new PipelineToggleRequest(pipelineFqn, enabled), ProtocolJsonContext.Default.PipelineToggleRequest);

    public static JsonElement PipelineFqn(string pipelineFqn) =>
        JsonSerializer.SerializeToElement(new PipelineFqnRequest(pipelineFqn), ProtocolJsonContext.Default.PipelineFqnRequest);

    public static JsonElement PipelineLogs(string pipelineFqn, string? runId = null, string? after = null) =>
        JsonSerializer.SerializeToElement(new PipelineLogsRequest(pipelineFqn, runId, after), ProtocolJsonContext.Default.PipelineLogsRequest);

    public static JsonElement PipelineKillRun(string pipelineFqn, string runId) =>
        JsonSerializer.SerializeToElement(new PipelineKillRunRequest(pipelineFqn, runId), ProtocolJsonContext.Default.PipelineKillRunRequest);

    public static JsonElement RunsReconcile(long? since) =>
        JsonSerializer.SerializeToElement(new RunsReconcileRequest(since), ProtocolJsonContext.Default.RunsReconcileRequest);

    public static JsonElement Empty() => JsonDocument.Parse("{}").RootElement.Clone();

    // Every field protocol §5 says a pipeline object carries, as OpenMetadata fills them.
    private static PipelineInfo Pipeline(string fullyQualifiedName, string? name, string? pipelineType, string? schedule, string? timezone) =>
        new(
            fullyQualifiedName,
            name ?? fullyQualifiedName.Split('.')[^1],
            pipelineType ?? DefaultPipelineType,
            Enabled: true,
            Schedule: schedule,
            Timezone: timezone ?? "UTC",
            Retries: 0,
            RetryDelaySeconds: 0,
            LoggerLevel: "INFO");

    private static JsonElement ConfigOrDefault(JsonElement? config) =>
        config ?? JsonSerializer.SerializeToElement(DefaultConfig, ProtocolJsonContext.Default.String);
}
