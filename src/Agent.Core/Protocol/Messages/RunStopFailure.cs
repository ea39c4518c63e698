namespace Agent.Core.Protocol.Messages;

/// <summary>A run <c>pipeline.kill</c> could not stop: the result code its failure maps to (protocol §5) and why.</summary>
internal sealed record RunStopFailure(string RunId, int Code, string Reason);
