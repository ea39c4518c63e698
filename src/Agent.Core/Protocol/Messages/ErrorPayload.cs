namespace Agent.Core.Protocol.Messages;

/// <summary>Answer to a frame that could not be read as a message.</summary>
internal sealed record ErrorPayload(string Reason);
