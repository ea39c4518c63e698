namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineKillRunRequest(string PipelineFqn, string RunId);
