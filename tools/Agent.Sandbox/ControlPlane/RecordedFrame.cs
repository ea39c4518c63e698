namespace Agent.Sandbox.ControlPlane;

/// <summary>One text frame exactly as it crossed the socket (<c>GET /sandbox/agents/{id}/frames</c>).</summary>
/// <param name="SessionId">The session that carried it.</param>
/// <param name="Direction">Received from the agent or sent to it.</param>
/// <param name="Type">The envelope's <c>type</c> when the frame is a JSON object that has one; null for garbage.</param>
/// <param name="Text">The raw UTF-8 text, unparsed, so tests can hold it against the protocol's JSON Schemas.</param>
/// <param name="At">When the control plane read or wrote it.</param>
internal sealed record RecordedFrame(string SessionId, FrameDirection Direction, string? Type, string Text, DateTimeOffset At);
