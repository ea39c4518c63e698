namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineLogsRequest(string PipelineFqn, string? RunId = null, string? After = null);
