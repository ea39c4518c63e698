namespace Agent.Web.Admin;

/// <summary>A run the agent tracks, with the last state it reported and whether the control plane acknowledged it.</summary>
internal sealed record JobView(
    string RunId,
    string PipelineFqn,
    string PipelineType,
    string WorkflowName,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    long? LastStatusSeq,
    bool? LastStatusAcked);
