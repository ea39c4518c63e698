using System.Net.WebSockets;

namespace Agent.Gateway.Agents;

/// <summary>One reassembled WebSocket message; <see cref="TooBig"/> when it passed the limit and was discarded while read.</summary>
internal readonly record struct ReceivedFrame(WebSocketMessageType Type, ReadOnlyMemory<byte> Data, bool TooBig);
