namespace Agent.Core.Protocol.Messages;

public sealed record PipelineLogsRequest(string PipelineFqn, string? RunId = null, string? After = null);
