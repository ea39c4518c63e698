namespace Agent.Core.Link;

/// <summary>
/// A frame queued for the writer loop; <see cref="Entry"/> is set for reliable messages, to time their ack.
/// <see cref="IsGoingAway"/> marks the close (1001) the agent sends when it shuts down, queued behind what is already queued.
/// </summary>
internal readonly record struct OutgoingFrame(byte[] Bytes, OutboxEntry? Entry, bool IsGoingAway = false)
{
    public static OutgoingFrame GoingAway { get; } = new([], null, IsGoingAway: true);
}
