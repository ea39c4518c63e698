namespace Agent.Core.Protocol.Messages;

public sealed record PipelineFqnRequest(string PipelineFqn);
