namespace Agent.Core.ControlPlane;

/// <summary>A frame queued for the writer loop; <see cref="Entry"/> is set for reliable messages, to time their ack.</summary>
public readonly record struct OutgoingFrame(byte[] Bytes, OutboxEntry? Entry);
