namespace Agent.Core.Protocol.Messages;

/// <summary>The pipeline object carried by deploy, run and application requests (protocol §5).</summary>
internal sealed record PipelineInfo(
    string FullyQualifiedName,
    string Name,
    string PipelineType,
    bool Enabled = true,
    string? Schedule = null,
    string? Timezone = null,
    int? Retries = null,
    int? RetryDelaySeconds = null,
    string? LoggerLevel = null);
