using System.Net.WebSockets;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>One whole message read from the socket; <see cref="TooBig"/> frames were discarded, not buffered.</summary>
internal readonly record struct ReceivedFrame(WebSocketMessageType Type, ReadOnlyMemory<byte> Data, bool TooBig);
