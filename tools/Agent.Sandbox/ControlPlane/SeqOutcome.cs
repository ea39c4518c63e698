namespace Agent.Sandbox.ControlPlane;

/// <summary>What <see cref="ReliableLedger.Process"/> made of one seq.</summary>
/// <param name="Duplicate">The seq was processed before: acknowledge it again, record nothing.</param>
/// <param name="Gap">The seq skipped ahead of the high-water mark (a protocol violation, still processed).</param>
/// <param name="HighWater">The cumulative ack to send.</param>
internal readonly record struct SeqOutcome(bool Duplicate, bool Gap, long HighWater);
