using System.Net.WebSockets;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>One frame as the test agent read it; <see cref="CloseStatus"/> is set for a close.</summary>
internal sealed record TestFrame(WebSocketMessageType Type, byte[] Data, int? CloseStatus);
