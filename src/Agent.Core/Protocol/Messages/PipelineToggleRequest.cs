namespace Agent.Core.Protocol.Messages;

public sealed record PipelineToggleRequest(string PipelineFqn, bool Enabled);
