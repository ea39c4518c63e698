namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineFqnRequest(string PipelineFqn);
