namespace Agent.Sandbox.ControlPlane;

/// <summary>What an agent's WebSocket upgrade carried, minus the token itself (only its scheme is kept).</summary>
internal sealed record HandshakeHeaders(string? UserAgent, string? NegotiatedSubProtocol, string? AuthorizationScheme, DateTimeOffset At);
