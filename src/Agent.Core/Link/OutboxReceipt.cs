namespace Agent.Core.Link;

/// <summary>
/// The <c>seq</c> the outbox gave a message, written under the outbox's lock before the message can be sent, so no
/// acknowledgement can overtake it. Zero until then; it stays zero if the enqueue is cancelled or fails.
/// </summary>
internal sealed class OutboxReceipt
{
    private long _seq;

    public long Seq
    {
        get => Volatile.Read(ref _seq);
        internal set => Volatile.Write(ref _seq, value);
    }

    /// <summary>True once the message is in the outbox.</summary>
    public bool IsSequenced => Seq != 0;
}
