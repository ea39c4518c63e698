using Agent.Core.Protocol;

namespace Agent.Gateway.Agents;

/// <summary>One item of a session's send queue: a message, or the close that ends the queue.</summary>
internal readonly record struct OutgoingFrame(Envelope? Message, int CloseCode = 0, string? CloseReason = null)
{
    public static OutgoingFrame Close(int code, string? reason) => new(null, code, reason);
}
