namespace Agent.Core.Argo.Wire;

/// <summary>The slice of a CronWorkflow the agent reads back: its name and stored resource version.</summary>
public sealed record CronWorkflowJson(ObjectMetaJson? Metadata);
