namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineToggleRequest(string PipelineFqn, bool Enabled);
