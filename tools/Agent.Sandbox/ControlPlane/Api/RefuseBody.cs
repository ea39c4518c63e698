namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>/refuse</c>: the close code for every new connection; 0 accepts connections again.</summary>
internal sealed record RefuseBody(int Code);
