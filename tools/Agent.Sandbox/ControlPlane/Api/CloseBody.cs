namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>/close</c>: the WebSocket close code to send (e.g. 4001-4004, 1011) and an optional reason.</summary>
internal sealed record CloseBody(int Code, string? Reason);
