namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of the status and kill convenience routes.</summary>
/// <param name="PipelineFqn">The pipeline's fully qualified name.</param>
/// <param name="Id">The request id; a new GUID when absent.</param>
/// <param name="TimeoutSeconds">How long to wait for the result (default from options, 30 s).</param>
/// <param name="Wait">False answers 202 at once; fetch the result from <c>/sandbox/requests/{id}</c>.</param>
internal sealed record PipelineFqnBody(string? PipelineFqn, string? Id, int? TimeoutSeconds, bool? Wait);
