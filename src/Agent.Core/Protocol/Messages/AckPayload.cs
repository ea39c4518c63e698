namespace Agent.Core.Protocol.Messages;

/// <summary>Cumulative acknowledgement: every reliable message up to <see cref="Seq"/> is processed.</summary>
internal sealed record AckPayload(long Seq);
