using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>A reliable message and when it last went out, for the round-trip measurement on its ack.</summary>
internal sealed class OutboxEntry(Envelope message, byte[] frame)
{
    public Envelope Message { get; } = message;

    public long Seq => Message.Seq ?? 0;

    /// <summary>The encoded frame: a resend is byte-for-byte the first send.</summary>
    public byte[] Frame { get; } = frame;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the latest send, or 0 before the first.</summary>
    public long SentTimestamp { get; set; }
}
