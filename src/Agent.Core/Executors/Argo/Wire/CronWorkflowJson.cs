namespace Agent.Core.Executors.Argo.Wire;

/// <summary>The slice of a CronWorkflow the agent reads back: its name and stored resource version.</summary>
internal sealed record CronWorkflowJson(ObjectMetaJson? Metadata);
