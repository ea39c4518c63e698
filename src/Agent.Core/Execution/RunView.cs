using Agent.Core.Protocol.Messages;

namespace Agent.Core.Execution;

/// <summary>
/// One run as the executor has it now, in the control plane's terms: what reads answer with and what an executor
/// passes to <see cref="IRunObserver"/>. <see cref="RunId"/> and <see cref="PipelineFqn"/> are null for a run the agent
/// did not label (not this agent's, or made by hand).
/// </summary>
internal sealed record RunView(
    string WorkflowName,
    string? RunId,
    string? PipelineFqn,
    string? PipelineType,
    string State,
    string? Message,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool IsCompleted)
{
    /// <summary>The executor's own phase name (Argo's <c>status.phase</c>), for the log of a failed run.</summary>
    public string Phase { get; init; } = string.Empty;

    /// <summary>The executor's own message for the whole run, for the log of a failed run.</summary>
    public string? ExecutorMessage { get; init; }

    /// <summary>The message of the run's last attempt, for the log of a failed run.</summary>
    public string? AttemptMessage { get; init; }

    /// <summary>
    /// The run as a <c>run.status</c> payload. <c>timestamp</c> is the run's creation time, the same in every answer and
    /// every <c>run.status</c> of the run: OpenMetadata keys a pipeline's statuses by it. A run always has one;
    /// <paramref name="now"/> is only a fallback for a malformed object.
    /// </summary>
    public RunStatusPayload ToStatus(string pipelineFqn, DateTimeOffset now) => new(
        pipelineFqn,
        RunId ?? WorkflowName,
        WorkflowName,
        State,
        (CreatedAt ?? now).ToUnixTimeMilliseconds(),
        (StartedAt ?? CreatedAt)?.ToUnixTimeMilliseconds(),
        FinishedAt?.ToUnixTimeMilliseconds(),
        Message);
}
