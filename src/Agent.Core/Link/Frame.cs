using System.Net.WebSockets;

namespace Agent.Core.Link;

/// <summary>One received WebSocket message: its text, or why it carries none.</summary>
internal readonly record struct Frame(FrameKind Kind, ReadOnlyMemory<byte> Text, long Size, WebSocketCloseStatus? CloseStatus, string? CloseDescription);
