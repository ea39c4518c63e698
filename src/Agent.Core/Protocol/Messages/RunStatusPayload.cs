namespace Agent.Core.Protocol.Messages;

/// <summary>
/// A run's state as the agent knows it (protocol §6). Dates are epoch milliseconds, the unit of
/// OpenMetadata's PipelineStatus, so the control plane can store them unchanged.
/// </summary>
internal sealed record RunStatusPayload(
    string PipelineFqn,
    string RunId,
    string WorkflowName,
    string PipelineState,
    long Timestamp,
    long? StartDate = null,
    long? EndDate = null,
    string? Message = null);
