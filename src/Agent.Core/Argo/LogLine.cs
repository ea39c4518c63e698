namespace Agent.Core.Argo;

/// <summary>One line of a workflow pod's log.</summary>
public sealed record LogLine(string PodName, string Content);
