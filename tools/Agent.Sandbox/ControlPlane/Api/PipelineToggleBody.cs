namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/pipelines/toggle</c>: the <c>pipeline.toggle</c> payload plus how to wait.</summary>
/// <param name="PipelineFqn">The pipeline's fully qualified name.</param>
/// <param name="Enabled">False suspends the pipeline's schedule (its CronWorkflow), true resumes it. Required.</param>
/// <param name="Id">The request id; a new GUID when absent.</param>
/// <param name="TimeoutSeconds">How long to wait for the result (default from options, 30 s).</param>
/// <param name="Wait">False answers 202 at once; fetch the result from <c>/sandbox/requests/{id}</c>.</param>
internal sealed record PipelineToggleBody(string? PipelineFqn, bool? Enabled, string? Id, int? TimeoutSeconds, bool? Wait);
