namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>/silence</c> and <c>/withhold-acks</c>.</summary>
internal sealed record ToggleBody(bool Enabled);
