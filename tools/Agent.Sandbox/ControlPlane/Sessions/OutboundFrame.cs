using System.Net.WebSockets;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>One item of a session's outbound queue: a data frame or the close that ends the session.</summary>
internal sealed record OutboundFrame(OutboundKind Kind, ReadOnlyMemory<byte> Data, int CloseCode = 0, string? CloseReason = null)
{
    public static OutboundFrame Text(ReadOnlyMemory<byte> utf8) => new(OutboundKind.Text, utf8);

    public static OutboundFrame Binary(ReadOnlyMemory<byte> bytes) => new(OutboundKind.Binary, bytes);

    public static OutboundFrame Close(int code, string? reason) => new(OutboundKind.Close, ReadOnlyMemory<byte>.Empty, code, reason);

    public WebSocketMessageType MessageType => Kind == OutboundKind.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
}
