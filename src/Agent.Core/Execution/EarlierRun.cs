namespace Agent.Core.Execution;

/// <summary>A run id the executor already holds, under <paramref name="WorkflowName"/>, for the pipeline it was started for.</summary>
internal sealed record EarlierRun(string WorkflowName, string? PipelineFqn);
