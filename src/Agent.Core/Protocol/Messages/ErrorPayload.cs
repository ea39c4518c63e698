namespace Agent.Core.Protocol.Messages;

/// <summary>Answer to a frame that could not be read as a message.</summary>
public sealed record ErrorPayload(string Reason);
