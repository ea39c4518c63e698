namespace Agent.Core.Runs;

/// <summary>A run this agent created or adopted, with the last state it reported.</summary>
internal sealed record RunRecord(
    string RunId,
    string PipelineFqn,
    string PipelineType,
    string WorkflowName,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Message = null,
    long? LastStatusSeq = null);
