namespace Agent.Core.Execution;

/// <summary>Everything the control plane decides about one run; the rest of the run comes from local configuration.</summary>
internal sealed record RunRequest(
    string RunId,
    string PipelineFqn,
    string PipelineName,
    string PipelineType,
    string Config,
    RunKind Kind = RunKind.Ingestion,
    int Retries = 0,
    int RetryDelaySeconds = 0);
