namespace Agent.Core.Protocol.Messages;

/// <summary><c>data</c> of <c>pipeline.deploy</c>: the CronWorkflow now holding the schedule, or null for an on-demand pipeline.</summary>
internal sealed record PipelineDeployedData(string? CronWorkflow);
