namespace Agent.Core.Execution;

/// <summary>One run of a pipeline-wide stop: stopped, or <see cref="Failure"/> says why not.</summary>
internal sealed record RunStopResult(string RunId, string WorkflowName, ExecutorException? Failure);
