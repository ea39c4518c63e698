namespace Agent.Sandbox.ControlPlane.Api;

internal sealed record ApiError(string Error);
