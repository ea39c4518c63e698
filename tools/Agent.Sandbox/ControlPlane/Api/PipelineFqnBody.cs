namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of the status and kill convenience routes.</summary>
internal sealed record PipelineFqnBody(string? PipelineFqn, string? Id, int? TimeoutSeconds, bool? Wait);
