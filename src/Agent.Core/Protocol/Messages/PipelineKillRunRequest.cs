namespace Agent.Core.Protocol.Messages;

public sealed record PipelineKillRunRequest(string PipelineFqn, string RunId);
